package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registry+v1 bundle in memory: the CSV, the CRD, extra manifests, the metadata annotations and
 * the scorecard config; {@link #files} lays it out on disk, one YAML document per file.
 *
 * <p>The CRD is written from the api jar's CRD object, not copied as text: the generated file opens
 * with a comment document before its {@code ---}, and bundle loaders (operator-framework/api, opm)
 * read only a file's first document, which would then be empty.
 */
public record Bundle(
    ClusterServiceVersion csv,
    String crdFileName,
    CustomResourceDefinition crd,
    List<HasMetadata> extraManifests,
    Map<String, String> annotations,
    ScorecardConfig scorecard) {
  public static final String DIR = "bundle";
  public static final String DOCKERFILE = "bundle.Dockerfile";

  public Bundle {
    extraManifests = List.copyOf(extraManifests);
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  public String csvFileName() {
    return annotations.get(BundleMetadata.PACKAGE) + ".clusterserviceversion.yaml";
  }

  /**
   * {@code relative path -> content}, paths relative to the output folder (the Dockerfile beside
   * {@code bundle/}).
   */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(DIR + "/manifests/" + csvFileName(), yaml(csv));
    files.put(DIR + "/manifests/" + crdFileName, yaml(crd));
    for (HasMetadata m : extraManifests) {
      files.put(DIR + "/manifests/" + fileName(m), yaml(m));
    }
    files.put(DIR + "/metadata/annotations.yaml", yaml(Map.of("annotations", annotations)));
    files.put(DIR + "/tests/scorecard/config.yaml", yaml(scorecard));
    files.put(DOCKERFILE, BundleMetadata.dockerfile(annotations));
    return files;
  }

  /** One YAML document, without the leading {@code ---} fabric8 writes. */
  static String yaml(Object o) {
    String y = Serialization.asYaml(o);
    return y.startsWith("---\n") ? y.substring(4) : y;
  }

  /**
   * operator-sdk's naming: {@code <name>_<group>_<version>_<kind>.yaml}, the core group written as
   * {@code v1}.
   */
  static String fileName(HasMetadata m) {
    String apiVersion = m.getApiVersion().replace('/', '_');
    return m.getMetadata().getName()
        + "_"
        + apiVersion
        + "_"
        + m.getKind().toLowerCase(Locale.ROOT)
        + ".yaml";
  }
}
