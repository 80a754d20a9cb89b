package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubeconfig is found, merged and read exactly as kubectl does; no cluster is contacted. */
class KubeconfigClientFactoryTest {
  @TempDir Path dir;

  @Test
  void whenKubeconfigListsSeveralFiles_theFirstToSetAValueWins() throws IOException {
    Path a =
        write(
            "a",
            "current-context: ctx-a\ncontexts:\n- name: ctx-a\n  context: {cluster: c1, user: u1,"
                + " namespace: from-a}\n");
    Path b =
        write(
            "b",
            "current-context: ctx-b\nclusters:\n- name: c1\n  cluster: {server: 'https://127.0.0.1:1',"
                + " certificate-authority: ca.crt}\nusers:\n- name: u1\n  user: {token: t}\ncontexts:\n- name: ctx-a\n"
                + "  context: {cluster: c1, user: u1, namespace: from-b}\n- name: ctx-b\n  context: {cluster: c1, user: u1,"
                + " namespace: ns-b}\n");
    Files.writeString(dir.resolve("ca.crt"), "not a real certificate");
    var factory =
        factory(
            Map.of(
                "KUBECONFIG",
                a + File.pathSeparator + dir.resolve("missing") + File.pathSeparator + b));

    assertThat(factory.namespace(new ClusterOptions())).isEqualTo("from-a");
    assertThat(factory.namespace(new ClusterOptions(null, "ctx-b", null, null))).isEqualTo("ns-b");
    assertThat(factory.contexts(new ClusterOptions())).containsExactly("ctx-a", "ctx-b");
  }

  @Test
  void theKubeconfigFlagReplacesTheEnvironmentAndTheNamespaceFlagWins() throws IOException {
    Path flag =
        write(
            "flag",
            "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: u,"
                + " namespace: from-flag}\n");
    var factory = factory(Map.of("KUBECONFIG", dir.resolve("nowhere").toString()));

    assertThat(factory.namespace(new ClusterOptions(null, null, flag, null)))
        .isEqualTo("from-flag");
    assertThat(factory.namespace(new ClusterOptions("mine", null, flag, null))).isEqualTo("mine");
  }

  @Test
  void withoutAContextNamespaceTheNamespaceIsDefault() throws IOException {
    Path f =
        write("f", "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n");

    assertThat(factory(Map.of("KUBECONFIG", f.toString())).namespace(new ClusterOptions()))
        .isEqualTo("default");
  }

  @Test
  void whenNoKubeconfigExists_connectExitsWith4AndSaysWhereItLooked() {
    var factory = factory(Map.of("HOME", dir.toString()));

    assertThatThrownBy(() -> factory.connect(new ClusterOptions()))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(4);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "no kubeconfig found ("
                          + dir.resolve(".kube/config")
                          + "); set KUBECONFIG or pass --kubeconfig to point at your cluster's kubeconfig");
            });
  }

  @Test
  void whenTheContextDoesNotExist_connectExitsWith4AndListsTheContexts() throws IOException {
    Path f =
        write("f", "current-context: x\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n");

    assertThatThrownBy(
            () ->
                factory(Map.of("KUBECONFIG", f.toString()))
                    .connect(new ClusterOptions(null, "nope", null, null)))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(4);
              assertThat(e.getMessage())
                  .startsWith("context \"nope\" is not in the kubeconfig")
                  .endsWith("use one of: x");
            });
  }

  @Test
  void whenThereIsNoCurrentContext_connectSaysHowToPickOne() throws IOException {
    Path f = write("f", "contexts:\n- name: x\n  context: {cluster: c, user: u}\n");

    assertThatThrownBy(
            () -> factory(Map.of("KUBECONFIG", f.toString())).connect(new ClusterOptions()))
        .hasMessageContaining("has no current context; pass --context NAME");
  }

  private KubeconfigClientFactory factory(Map<String, String> env) {
    return new KubeconfigClientFactory(env);
  }

  private Path write(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "apiVersion: v1\nkind: Config\n" + body);
    return p;
  }
}
