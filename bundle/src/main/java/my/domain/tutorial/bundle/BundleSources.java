package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import my.domain.tutorial.api.v1.FooCrd;

/**
 * Everything the bundle is made from, each read from its single source: the CRD from the api jar,
 * the deploy manifests from the operator jar, the samples from config/samples, and the hand-written
 * CSV base and icon from this module.
 *
 * @param crdYaml the api jar's CRD file as it is, {@code crd} parsed from it
 */
public record BundleSources(
    String crdYaml,
    CustomResourceDefinition crd,
    OperatorManifests manifests,
    List<GenericKubernetesResource> samples,
    ClusterServiceVersion csvBase,
    byte[] iconSvg) {
  public static final String CRD_RESOURCE = FooCrd.RESOURCE;
  public static final String CSV_BASE = "foo-operator.clusterserviceversion.yaml";
  public static final String ICON = "icon.svg";

  public static BundleSources load(BundleSettings settings) {
    String crdYaml = classpathText(CRD_RESOURCE);
    try {
      return new BundleSources(
          crdYaml,
          Serialization.unmarshal(crdYaml, CustomResourceDefinition.class),
          OperatorManifests.fromClasspath(),
          AlmExamples.load(settings.samplesDirectory()),
          Serialization.unmarshal(
              Files.readString(settings.csvBaseDirectory().resolve(CSV_BASE)),
              ClusterServiceVersion.class),
          Files.readAllBytes(settings.csvBaseDirectory().resolve(ICON)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the CSV base in " + settings.csvBaseDirectory(), e);
    }
  }

  static String classpathText(String resource) {
    try (InputStream in = BundleSources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the classpath: build the api module first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
