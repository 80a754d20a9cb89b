package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubeconfig users whose credentials the plugin used to drop (issue #21): the request the mock API
 * server receives carries the credential kubectl would send, and a credential step that fails is
 * one line and exit 4 that names the step.
 */
@EnableKubernetesMockClient(crud = true)
class KubeconfigCredentialsMockServerTest {
  static final String NS = "team-a";
  static final String FOOS = "/apis/tutorial.my.domain/v1/namespaces/team-a/foos";

  /** The list `get` sends: in pages of 500, as kubectl does. */
  static final String LIST = FOOS + "?limit=500";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;

  String url;

  @BeforeEach
  void setUp() {
    client.resource(CommandsMockServerTest.crd()).create();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    url = client.getMasterUrl().toString();
  }

  @AfterEach
  void clearFabric8Overrides() {
    System.clearProperty("kubernetes.master");
    System.clearProperty("kubernetes.auth.token");
    System.clearProperty("kubernetes.namespace");
  }

  @Test
  void anExecPluginThatWritesToStderr_authenticatesWithTheTokenOnItsStdout() throws Exception {
    for (String apiVersion :
        new String[] {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"}) {
      Path plugin =
          script(
              "plugin.sh",
              "echo 'fetching a token for you...' >&2\n"
                  + "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\""
                  + apiVersion
                  + "\",\"status\":{\"token\":\"from-exec-'\"$PLUGIN_ENV\"'\"}}'\n");
      Path kubeconfig =
          kubeconfig(
              "exec:\n      apiVersion: "
                  + apiVersion
                  + "\n      command: "
                  + plugin
                  + "\n      env:\n      - {name: PLUGIN_ENV, value: x}\n"
                  + (apiVersion.endsWith("v1") ? "      interactiveMode: Never\n" : ""));

      Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

      assertThat(r.exitCode()).as(apiVersion + " " + r).isZero();
      assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer from-exec-x");
    }
  }

  @Test
  void whenTheServerRejectsAnExecToken_thePluginRunsAgain_andTheRequestIsRetried()
      throws Exception {
    Path runs = Files.writeString(dir.resolve("runs"), "0");
    Path plugin =
        script(
            "counting.sh",
            "n=$(($(cat "
                + runs
                + ") + 1)); echo $n > "
                + runs
                + "\necho '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"status\":{\"token\":\"token-'$n'\"}}'\n");
    // Rejected twice: once, and again when fabric8 retries with the token it has.
    server.expect().get().withPath(LIST).andReturn(401, status(401, "Unauthorized")).times(2);

    Result r = run(exec(plugin));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(runs).trim()).isEqualTo("2");
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void aTokenFile_isTheBearerToken() throws Exception {
    Files.writeString(dir.resolve("token"), "from-file\n");
    Path kubeconfig = kubeconfig("tokenFile: token");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer from-file");
  }

  @Test
  void emptyAndMissingFilesInKubeconfig_areSkipped() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path real = kubeconfig("token: real");
    String list =
        empty + File.pathSeparator + dir.resolve("missing.yaml") + File.pathSeparator + real;

    Result r =
        PluginRun.withEnv(Map.of("KUBECONFIG", list, "HOME", dir.toString()), Clock.systemUTC())
            .run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer real");
  }

  @Test
  void fabric8sOwnOverrides_whichKubectlDoesNotKnow_areIgnored() throws Exception {
    System.setProperty("kubernetes.master", "http://127.0.0.1:1");
    System.setProperty("kubernetes.auth.token", "from-the-environment");
    System.setProperty("kubernetes.namespace", "elsewhere");
    Path kubeconfig = kubeconfig("token: from-kubeconfig");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer from-kubeconfig");
  }

  @Test
  void aMissingExecPlugin_isExit4WithTheKubeconfigsInstallHint() throws Exception {
    Path kubeconfig =
        kubeconfig(
            "exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                + "      command: no-such-credential-plugin\n"
                + "      installHint: 'install it with: brew install no-such'\n");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .hasLineCount(1)
        .contains("exec plugin (no-such-credential-plugin)")
        .contains("executable file not found")
        .contains("install it with: brew install no-such");
  }

  @Test
  void anExecPluginThatFails_orAnswersNonsense_isExit4NamingTheStep() throws Exception {
    Path failing = script("failing.sh", "echo 'login expired' >&2\nexit 3\n");
    Path nonsense = script("nonsense.sh", "echo 'not json'\n");
    Path wrongVersion =
        script(
            "wrong.sh",
            "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                + "\"status\":{\"token\":\"t\"}}'\n");

    Result exited = run(exec(failing));
    Result bad = run(exec(nonsense));
    Result wrong = run(exec(wrongVersion));

    assertThat(exited.exitCode()).as(exited.toString()).isEqualTo(4);
    assertThat(exited.err()).contains("exited with status 3");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(4);
    assertThat(bad.err()).contains("its answer cannot be used: its output is not JSON");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(4);
    assertThat(wrong.err())
        .contains("apiVersion \"client.authentication.k8s.io/v1beta1\"")
        .contains("asks for \"client.authentication.k8s.io/v1\"");
  }

  @Test
  void aSocks5ProxyUrl_isExit4SayingItIsNotSupported() throws Exception {
    Path kubeconfig = kubeconfig("token: t", "    proxy-url: socks5://127.0.0.1:1080\n");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .hasLineCount(1)
        .contains("proxy-url \"socks5://127.0.0.1:1080\"")
        .contains("has no SOCKS support");
  }

  @Test
  void a429WithRetryAfter_isRetriedUntilItSucceeds() throws Exception {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(429, status(429, "too many requests, please try again later"))
        .withHeader("Retry-After", "0")
        .times(3);
    Path kubeconfig = kubeconfig("token: t");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("No resources found in team-a namespace.\n");
  }

  @Test
  void a429ThatLasts_isExit4AfterTheRetries() throws Exception {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(429, status(429, "too many requests, please try again later"))
        .withHeader("Retry-After", "0")
        .always();
    Path kubeconfig = kubeconfig("token: t");

    Result r = PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .hasLineCount(1)
        .contains("429 Too Many Requests")
        .contains("after 10 retries");
  }

  private Result run(Path kubeconfig) {
    return PluginRun.withKubeconfig(kubeconfig, Clock.systemUTC()).run("get");
  }

  private Path exec(Path command) throws IOException {
    return kubeconfig(
        "exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: "
            + command
            + "\n      interactiveMode: Never\n");
  }

  private Path kubeconfig(String user) throws IOException {
    return kubeconfig(user, "");
  }

  /** A kubeconfig for the mock server whose user is {@code user} (YAML under {@code user:}). */
  private Path kubeconfig(String user, String clusterExtra) throws IOException {
    Path file = dir.resolve("kubeconfig-" + System.nanoTime());
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n    server: "
            + url
            + "\n    insecure-skip-tls-verify: true\n"
            + clusterExtra
            + "users:\n- name: tester\n  user:\n    "
            + user
            + "\ncontexts:\n- name: test\n  context: {cluster: test, user: tester, namespace: "
            + NS
            + "}\ncurrent-context: test\n");
    return file;
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
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

  private static Status status(int code, String message) {
    return new StatusBuilder()
        .withApiVersion("v1")
        .withKind("Status")
        .withStatus("Failure")
        .withCode(code)
        .withMessage(message)
        .build();
  }
}
