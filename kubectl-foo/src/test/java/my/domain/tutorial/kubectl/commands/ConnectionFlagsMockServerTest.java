package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import my.domain.tutorial.kubectl.StallingServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's connection flags (cli-runtime's ConfigFlags) override the kubeconfig, seen in the
 * requests the plugin sends to fabric8's mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class ConnectionFlagsMockServerTest {
  static final String NS = "team-a";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;

  String url;
  Path kubeconfig;
  PluginRun plugin;

  @BeforeEach
  void setUp() throws IOException {
    client.resource(CommandsMockServerTest.crd()).create();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    url = client.getMasterUrl().toString();
    kubeconfig = PluginRun.kubeconfig(dir, url, "kubeconfig-token", NS);
    plugin = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC());
  }

  @Test
  void asAsGroupAndAsUid_sendKubectlsImpersonationHeaders() throws InterruptedException {
    Result r =
        plugin.run("get", "--as", "jane", "--as-group", "devs", "--as-group=ops", "--as-uid", "42");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    RecordedRequest request = lastRequest();
    assertThat(request.getHeader("Impersonate-User")).isEqualTo("jane");
    assertThat(request.getHeaders().headers("Impersonate-Group")).containsExactly("devs", "ops");
    assertThat(request.getHeader("Impersonate-Uid")).isEqualTo("42");
  }

  @Test
  void theKubeconfigUsersAsFieldsImpersonate_andTheFlagReplacesTheUser()
      throws IOException, InterruptedException {
    Files.writeString(
        kubeconfig,
        Files.readString(kubeconfig)
            .replace(
                "    token: kubeconfig-token\n",
                "    token: kubeconfig-token\n    as: ops-bot\n    as-groups: [ops]\n"));

    assertThat(plugin.run("get").exitCode()).isZero();
    RecordedRequest fromKubeconfig = lastRequest();
    assertThat(plugin.run("get", "--as", "jane").exitCode()).isZero();
    RecordedRequest fromFlag = lastRequest();

    assertThat(fromKubeconfig.getHeader("Impersonate-User")).isEqualTo("ops-bot");
    assertThat(fromKubeconfig.getHeaders().headers("Impersonate-Group")).containsExactly("ops");
    assertThat(fromFlag.getHeader("Impersonate-User")).isEqualTo("jane");
    assertThat(fromFlag.getHeaders().headers("Impersonate-Group"))
        .as("kept from the kubeconfig, as kubectl")
        .containsExactly("ops");
  }

  @Test
  void whenTheServerNeverAnswers_requestTimeoutEndsTheCommandWithExit4WithinTheTimeout() {
    try (StallingServer stalled = StallingServer.start()) {
      Path config = PluginRun.kubeconfig(dir.resolve("stalled"), stalled.url(), "t", NS);
      PluginRun stalledPlugin = PluginRun.withKubeconfig(config, Clock.systemUTC());

      long start = System.nanoTime();
      Result r = stalledPlugin.run("get", "--request-timeout=2s");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
      assertThat(r.err())
          .as(r.toString())
          .startsWith(
              "error: cannot list foos in namespace team-a: the cluster at "
                  + stalled.url()
                  + "/ did not answer in time (request timed out);")
          .hasLineCount(1);
      assertThat(stalled.accepted()).as("connections the request made").isPositive();
      // Not before the timeout, and well before the 15 s the same request takes without the flag.
      assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
  }

  @Test
  void asGroupWithoutAs_isAUsageError() {
    Result r = plugin.run("get", "--as-group", "devs");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: --as-group needs --as USER: name the user to impersonate\n");
  }

  @Test
  void tokenReplacesTheKubeconfigsToken() throws InterruptedException {
    Result r = plugin.run("get", "--token", "flag-token");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer flag-token");
  }

  @Test
  void serverReplacesTheClustersServer_andWorksWithoutAnyKubeconfig() throws IOException {
    Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(url, "https://127.0.0.1:1"));
    PluginRun noKubeconfig =
        PluginRun.withEnv(Map.of("HOME", dir.resolve("empty-home").toString()), Clock.systemUTC());

    Result overridden = plugin.run("get", "-s", url);
    Result alone = noKubeconfig.run("get", "--server", url, "--insecure-skip-tls-verify", "-n", NS);
    Result verified = noKubeconfig.run("get", "--server", url, "-n", NS);

    assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
    assertThat(overridden.err()).isEqualTo("No resources found in team-a namespace.\n");
    assertThat(alone.exitCode()).as(alone.toString()).isZero();
    assertThat(alone.err()).isEqualTo("No resources found in team-a namespace.\n");
    assertThat(verified.exitCode()).as("the mock server's certificate is self-signed").isEqualTo(4);
    assertThat(verified.err()).contains("unable to find valid certification path").hasLineCount(1);
  }

  @Test
  void clusterAndUserPickOtherEntriesOfTheKubeconfig() throws IOException, InterruptedException {
    Files.writeString(
        kubeconfig,
        Files.readString(kubeconfig)
            .replace(url, "https://127.0.0.1:1")
            .replace("users:\n", "users:\n- name: other-user\n  user:\n    token: other-token\n")
            .replace(
                "clusters:\n",
                "clusters:\n- name: other-cluster\n  cluster:\n    server: "
                    + url
                    + "\n    insecure-skip-tls-verify: true\n"));

    Result r = plugin.run("get", "--cluster", "other-cluster", "--user", "other-user");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer other-token");
  }

  @Test
  void anUnknownClusterOrUser_exitsWith4AndListsTheKnownOnes() {
    Result cluster = plugin.run("get", "--cluster", "nope");
    Result user = plugin.run("get", "--user", "nope");

    assertThat(cluster.exitCode()).isEqualTo(4);
    assertThat(cluster.err())
        .isEqualTo(
            "error: cluster \"nope\" is not in the kubeconfig (KUBECONFIG="
                + kubeconfig
                + "); use one of: test\n");
    assertThat(user.exitCode()).isEqualTo(4);
    assertThat(user.err())
        .isEqualTo(
            "error: user \"nope\" is not in the kubeconfig (KUBECONFIG="
                + kubeconfig
                + "); use one of: tester\n");
  }

  @Test
  void badConnectionFlagValues_areOneLineUsageErrors() {
    List<Result> results = new ArrayList<>();
    results.add(plugin.run("get", "--certificate-authority", dir.resolve("no-ca.crt").toString()));
    results.add(plugin.run("get", "--client-certificate", dir.resolve("no.crt").toString()));
    results.add(plugin.run("get", "--server", "not a url"));
    results.add(plugin.run("get", "--insecure-skip-tls-verify=maybe"));

    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
              assertThat(r.err()).as(r.toString()).startsWith("error: ").hasLineCount(1);
              assertThat(r.out()).isEmpty();
            });
    assertThat(results.get(0).err())
        .isEqualTo(
            "error: the --certificate-authority file "
                + dir.resolve("no-ca.crt")
                + " does not exist; pass an existing file\n");
    assertThat(results.get(2).err())
        .startsWith("error: invalid --server 'not a url': use the API server's URL");
  }

  @Test
  void everyCommandThatTalksToAClusterHasTheConnectionFlags() {
    for (String command : List.of("create", "get", "friends", "why", "delete")) {
      Result help = plugin.run(command, "--help");
      assertThat(help.out())
          .as(command)
          .contains(
              "--kubeconfig",
              "--context",
              "--cluster",
              "--user",
              "-n, --namespace",
              "-s, --server",
              "--token",
              "--as=USER",
              "--as-group",
              "--as-uid",
              "--certificate-authority",
              "--client-certificate",
              "--client-key",
              "--insecure-skip-tls-verify",
              "--tls-server-name",
              "--request-timeout");
    }
  }

  private RecordedRequest lastRequest() throws InterruptedException {
    RecordedRequest last = null;
    for (RecordedRequest r = server.takeRequest(0, TimeUnit.SECONDS);
        r != null;
        r = server.takeRequest(0, TimeUnit.SECONDS)) {
      if (r.getPath().contains("/foos")) {
        last = r;
      }
    }
    return last;
  }
}
