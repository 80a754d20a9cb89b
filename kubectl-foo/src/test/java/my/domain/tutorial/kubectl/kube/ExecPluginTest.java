package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential plugin is run as client-go runs it, and again when its credential expires. */
class ExecPluginTest {
  static final String V1 = "client.authentication.k8s.io/v1";

  @TempDir Path dir;

  @Test
  void anExpiredCredential_isFetchedAgain_andAValidOneIsReused() throws IOException {
    // Each run answers with the next token, valid until 2030-01-01T00:00:10Z.
    Path counter = dir.resolve("runs");
    Files.writeString(counter, "0");
    script(
        "plugin.sh",
        "n=$(($(cat "
            + counter
            + ") + 1)); echo $n > "
            + counter
            + "\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\""
            + V1
            + "\",\"status\":{\"token\":\"token-'$n'\",\"expirationTimestamp\":\"2030-01-01T00:00:10Z\"}}'\n");
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    ExecPlugin plugin = plugin(exec("./plugin.sh"), ticking(now));

    assertThat(plugin.getToken()).isEqualTo("token-1");
    assertThat(plugin.getToken()).isEqualTo("token-1");
    now.set(Instant.parse("2030-01-01T00:00:11Z"));
    assertThat(plugin.getToken()).isEqualTo("token-2");
  }

  @Test
  void theCallIsDescribedInKubernetesExecInfo_andNotInteractiveWithoutATerminal()
      throws IOException {
    script(
        "plugin.sh",
        "info=$(echo \"$KUBERNETES_EXEC_INFO\" | tr -d ' \"')\n"
            + "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\""
            + V1
            + "\",\"status\":{\"token\":\"'$info'\"}}'\n");

    String token = plugin(exec("./plugin.sh"), Clock.systemUTC()).getToken();

    assertThat(token)
        .isEqualTo("{apiVersion:" + V1 + ",kind:ExecCredential,spec:{interactive:false}}");
  }

  @Test
  void withProvideClusterInfo_theClusterIsInKubernetesExecInfo() throws IOException {
    script(
        "plugin.sh",
        "echo \"$KUBERNETES_EXEC_INFO\" > "
            + dir.resolve("info.json")
            + "\necho '"
            + answer("t")
            + "'\n");
    ExecConfig provide =
        new ExecConfigBuilder(exec("./plugin.sh")).withProvideClusterInfo(true).build();
    ObjectNode cluster =
        Serialization.jsonMapper().createObjectNode().put("server", "https://c:6443");

    new ExecPlugin(
            provide,
            Optional.of(dir.resolve("kubeconfig")),
            "tester",
            false,
            Clock.systemUTC(),
            () -> cluster)
        .getToken();

    assertThat(
            Serialization.jsonMapper()
                .readTree(dir.resolve("info.json").toFile())
                .at("/spec/cluster"))
        .isEqualTo(cluster);
  }

  @Test
  void withoutProvideClusterInfo_noClusterIsSent() throws IOException {
    script(
        "plugin.sh",
        "echo \"$KUBERNETES_EXEC_INFO\" > "
            + dir.resolve("info.json")
            + "\necho '"
            + answer("t")
            + "'\n");

    plugin(exec("./plugin.sh"), Clock.systemUTC()).getToken();

    assertThat(
            Serialization.jsonMapper()
                .readTree(dir.resolve("info.json").toFile())
                .at("/spec")
                .has("cluster"))
        .isFalse();
  }

  @Test
  void aPluginThatNeedsATerminal_withoutOne_isExit4() {
    ExecConfig always =
        new ExecConfigBuilder(exec("./plugin.sh")).withInteractiveMode("Always").build();

    assertThatThrownBy(() -> plugin(always, Clock.systemUTC()).getToken())
        .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessageContaining("needs a terminal (interactiveMode: Always)");
  }

  private ExecPlugin plugin(ExecConfig exec, Clock clock) {
    return new ExecPlugin(
        exec,
        Optional.of(dir.resolve("kubeconfig")),
        "tester",
        false,
        clock,
        () -> {
          throw new AssertionError("the cluster is asked for only with provideClusterInfo");
        });
  }

  private static String answer(String token) {
    return "{\"kind\":\"ExecCredential\",\"apiVersion\":\""
        + V1
        + "\",\"status\":{\"token\":\""
        + token
        + "\"}}";
  }

  private static ExecConfig exec(String command) {
    return new ExecConfigBuilder()
        .withApiVersion(V1)
        .withCommand(command)
        .withInteractiveMode("Never")
        .build();
  }

  private static Clock ticking(AtomicReference<Instant> now) {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }

  private void script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
