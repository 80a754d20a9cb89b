package my.domain.tutorial.bundle.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersionBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileBasedCatalogTest {
  private static CatalogBundle bundle(
      String name, String replaces, List<String> skips, String skipRange, List<String> channels) {
    ClusterServiceVersionBuilder csv =
        new ClusterServiceVersionBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withReplaces(replaces)
            .withSkips(skips)
            .endSpec();
    if (skipRange != null) {
      csv.editMetadata().addToAnnotations("olm.skipRange", skipRange).endMetadata();
    }
    ClusterServiceVersion built = csv.build();
    return new CatalogBundle(Path.of(name), "foo-operator", channels, channels.get(0), built);
  }

  @Test
  void eachChannel_listsItsBundlesWithTheUpgradeEdgesOfTheirCsvs() {
    List<Map<String, Object>> channels =
        FileBasedCatalog.channels(
            "foo-operator",
            List.of(
                bundle(
                    "foo-operator.v0.1.0", null, List.of(), null, List.of("stable", "candidate")),
                bundle(
                    "foo-operator.v0.2.0",
                    "foo-operator.v0.1.0",
                    List.of("foo-operator.v0.1.1"),
                    ">=0.1.0 <0.2.0",
                    List.of("candidate"))));

    assertThat(channels)
        .containsExactly(
            Map.of(
                "schema", "olm.channel",
                "package", "foo-operator",
                "name", "stable",
                "entries", List.of(Map.of("name", "foo-operator.v0.1.0"))),
            Map.of(
                "schema", "olm.channel",
                "package", "foo-operator",
                "name", "candidate",
                "entries",
                    List.of(
                        Map.of("name", "foo-operator.v0.1.0"),
                        Map.of(
                            "name", "foo-operator.v0.2.0",
                            "replaces", "foo-operator.v0.1.0",
                            "skips", List.of("foo-operator.v0.1.1"),
                            "skipRange", ">=0.1.0 <0.2.0"))));
  }
}
