package my.domain.tutorial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryImageTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  // The shape podman pushes to distribution 2.8 (Docker v2 schema 2), trimmed.
  private static final String MANIFEST =
      """
      {
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {
          "mediaType": "application/vnd.docker.container.image.v1+json",
          "size": 1500,
          "digest": "sha256:c0"
        },
        "layers": [
          {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 50000000, "digest": "sha256:l1"},
          {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 12000000, "digest": "sha256:l2"},
          {"mediaType": "application/vnd.oci.image.layer.v1.tar+zstd", "size": 500, "digest": "sha256:l3"}
        ]
      }
      """;

  @Test
  void theCompressedSize_isTheLayersAndTheConfig() {
    RegistryImage.Manifest manifest = RegistryImage.Manifest.parse(MANIFEST);

    assertThat(manifest.layers()).hasSize(3);
    assertThat(manifest.compressedBytes()).isEqualTo(50_000_000L + 12_000_000L + 500 + 1500);
    assertThat(manifest.layers().get(0).gzipped()).isTrue();
    assertThat(manifest.layers().get(2).gzipped()).isFalse();
    assertThat(manifest.layers().get(1).digest()).isEqualTo("sha256:l2");
  }

  @Test
  void anIndexOrAManifestWithoutLayers_isSaid_notSummedToZero() {
    assertThatThrownBy(() -> RegistryImage.Manifest.parse("{\"manifests\": []}"))
        .hasMessageContaining("an index");
    assertThatThrownBy(() -> RegistryImage.Manifest.parse("{\"layers\": []}"))
        .hasMessageContaining("without layers");
  }

  @Test
  void aReference_namesItsRegistryRepositoryAndDigest_withOrWithoutATag() {
    assertThat(RegistryImage.Reference.parse("127.0.0.1:5000/foo-operator:bench@" + DIGEST))
        .isEqualTo(new RegistryImage.Reference("127.0.0.1:5000", "foo-operator", DIGEST));
    assertThat(RegistryImage.Reference.parse("127.0.0.1:5000/my/foo-operator@" + DIGEST))
        .isEqualTo(new RegistryImage.Reference("127.0.0.1:5000", "my/foo-operator", DIGEST));
    assertThatThrownBy(() -> RegistryImage.Reference.parse("127.0.0.1:5000/foo-operator:bench"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMedianOfThePulls_ofAnEvenCount_isTheMeanOfTheMiddleTwo() {
    assertThat(ImageScenario.median(List.of(7059L, 2792L))).isEqualTo(4925.5);
    assertThat(ImageScenario.median(List.of(9L, 1L, 5L))).isEqualTo(5.0);
  }

  @Test
  void aSkippedRealNode_isWrittenAsItsReasonAlone() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                BenchmarkResults.nodeOnly(
                        new Machine(2, 24, "cpu", "java", "1.34.3"),
                        new Parameters(
                            List.of(), 3, 100, 8, List.of(), "only", 1000, List.of(), false),
                        ImageScenario.Result.skipped("no node here"))
                    .toJson());
    List<String> names = new ArrayList<>();
    json.get("real_node").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("skipped");
    assertThat(json.get("real_node").get("skipped").asText()).isEqualTo("no node here");
    assertThat(json.get("parameters").get("node").asText()).isEqualTo("only");
  }
}
