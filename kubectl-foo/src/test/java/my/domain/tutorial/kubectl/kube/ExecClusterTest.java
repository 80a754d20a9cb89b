package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ClusterBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster an exec plugin is told about is the one client-go describes. */
class ExecClusterTest {
  @TempDir Path dir;

  @Test
  void carriesServerCaTlsNameProxyAndTheExecExtension_asClientGoNamesThem() throws IOException {
    Config config = Config.empty();
    config.setMasterUrl("https://api.example:6443");
    config.setCaCertData(Base64.getEncoder().encodeToString("PEM".getBytes()));
    Cluster cluster =
        new ClusterBuilder()
            .withServer("https://api.example:6443")
            .withProxyUrl("http://proxy:3128")
            .addNewExtension()
            .withName(ExecCluster.EXTENSION)
            .withExtension(Map.of("audience", "corpus"))
            .endExtension()
            .addNewExtension()
            .withName("other")
            .withExtension(Map.of("x", "y"))
            .endExtension()
            .build();

    String json =
        ExecCluster.of(
                "https://api.example:6443",
                config,
                Optional.of(cluster),
                Optional.of("kubernetes.default"))
            .toString();

    assertThat(Serialization.jsonMapper().readTree(json))
        .isEqualTo(
            Serialization.jsonMapper()
                .readTree(
                    "{\"server\":\"https://api.example:6443\","
                        + "\"tls-server-name\":\"kubernetes.default\","
                        + "\"certificate-authority-data\":\"UEVN\","
                        + "\"proxy-url\":\"http://proxy:3128\","
                        + "\"config\":{\"audience\":\"corpus\"}}"));
  }

  @Test
  void aCaFile_isSentAsData_andInsecureAsTrue_emptyValuesLeftOut() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "PEM");
    Config config = Config.empty();
    config.setMasterUrl("https://api.example:6443");
    config.setCaCertFile(ca.toString());
    config.setTrustCerts(true);

    String json =
        ExecCluster.of("https://api.example:6443", config, Optional.empty(), Optional.empty())
            .toString();

    assertThat(json)
        .isEqualTo(
            "{\"server\":\"https://api.example:6443\",\"insecure-skip-tls-verify\":true,"
                + "\"certificate-authority-data\":\"UEVN\"}");
  }
}
