package my.domain.tutorial.bundle;

import io.fabric8.openshift.api.model.operatorhub.v1alpha1.CRDDescription;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersionBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.Icon;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.InstallMode;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.NamedInstallStrategy;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.RelatedImage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the ClusterServiceVersion: the hand-written base (display name, description,
 * provider...) plus everything derived from the code. The base may not set a derived field.
 */
public final class ClusterServiceVersions {
  public static final List<String> INSTALL_MODES =
      List.of("OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces");
  public static final String ALM_EXAMPLES = "alm-examples";
  public static final String CONTAINER_IMAGE = "containerImage";
  public static final String SKIP_RANGE = "olm.skipRange";
  public static final String SUGGESTED_NAMESPACE = "operatorframework.io/suggested-namespace";

  /** When the bundle was built (RFC 3339, UTC, seconds), as certification pipelines require. */
  public static final String CREATED_AT = "createdAt";

  static final List<String> DERIVED_ANNOTATIONS =
      List.of(
          ALM_EXAMPLES,
          CONTAINER_IMAGE,
          SKIP_RANGE,
          SUGGESTED_NAMESPACE,
          CREATED_AT,
          "olm.properties");

  /** What the code decides about the CSV. */
  public record Derived(
      String packageName,
      String version,
      Optional<String> replaces,
      Optional<String> skipRange,
      String image,
      NamedInstallStrategy install,
      List<CRDDescription> owned,
      String almExamples,
      String minKubeVersion,
      String suggestedNamespace,
      Icon icon,
      Instant createdAt) {}

  private ClusterServiceVersions() {}

  public static String name(String packageName, String version) {
    return packageName + ".v" + version;
  }

  public static ClusterServiceVersion assemble(ClusterServiceVersion base, Derived d) {
    requireOnlyDescriptiveFields(base);
    Map<String, String> annotations =
        new LinkedHashMap<>(
            Optional.ofNullable(base.getMetadata().getAnnotations()).orElse(Map.of()));
    annotations.put(ALM_EXAMPLES, d.almExamples());
    annotations.put(CONTAINER_IMAGE, d.image());
    annotations.put(SUGGESTED_NAMESPACE, d.suggestedNamespace());
    annotations.put(CREATED_AT, d.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
    d.skipRange().ifPresent(r -> annotations.put(SKIP_RANGE, r));

    List<InstallMode> modes = new ArrayList<>();
    INSTALL_MODES.forEach(m -> modes.add(new InstallMode(true, m)));

    return new ClusterServiceVersionBuilder(base)
        .editMetadata()
        .withName(name(d.packageName(), d.version()))
        .withAnnotations(annotations)
        .endMetadata()
        .editSpec()
        .withVersion(d.version())
        .withReplaces(d.replaces().orElse(null))
        .withMinKubeVersion(d.minKubeVersion())
        .withIcon(d.icon())
        .withInstallModes(modes)
        .withInstall(d.install())
        .withNewCustomresourcedefinitions()
        .withOwned(d.owned())
        .endCustomresourcedefinitions()
        .withRelatedImages(new RelatedImage(d.image(), d.packageName()))
        .endSpec()
        .build();
  }

  static void requireOnlyDescriptiveFields(ClusterServiceVersion base) {
    List<String> set = new ArrayList<>();
    var meta = base.getMetadata();
    if (meta == null || base.getSpec() == null) {
      throw new IllegalArgumentException("the CSV base needs metadata and spec");
    }
    if (meta.getName() != null) {
      set.add("metadata.name");
    }
    Optional.ofNullable(meta.getAnnotations())
        .ifPresent(
            a ->
                DERIVED_ANNOTATIONS.stream()
                    .filter(a::containsKey)
                    .forEach(k -> set.add("metadata.annotations['" + k + "']")));
    var spec = base.getSpec();
    check(set, "spec.version", spec.getVersion());
    check(set, "spec.replaces", spec.getReplaces());
    check(set, "spec.minKubeVersion", spec.getMinKubeVersion());
    check(set, "spec.install", spec.getInstall());
    check(set, "spec.icon", spec.getIcon());
    check(set, "spec.installModes", spec.getInstallModes());
    check(set, "spec.customresourcedefinitions", spec.getCustomresourcedefinitions());
    check(set, "spec.relatedImages", spec.getRelatedImages());
    if (!set.isEmpty()) {
      throw new IllegalArgumentException(
          "the CSV base sets fields the generator derives from the code: "
              + String.join(", ", set)
              + "; remove them from the base");
    }
  }

  private static void check(List<String> set, String field, Object value) {
    if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
      set.add(field);
    }
  }
}
