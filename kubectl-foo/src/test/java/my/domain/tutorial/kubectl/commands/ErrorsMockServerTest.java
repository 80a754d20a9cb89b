package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure the API server can answer with: one line on stderr and the contract's exit code. */
@EnableKubernetesMockClient
class ErrorsMockServerTest {
  static final String FOOS = "/apis/tutorial.my.domain/v1/namespaces/team-a/foos";

  /** The list of Foos, one page of at most 500 as kubectl asks. */
  static final String LIST = FOOS + "?limit=500";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;

  PluginRun plugin;

  @BeforeEach
  void setUp() {
    plugin =
        PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir, client.getMasterUrl().toString(), "t", "team-a"),
            Clock.systemUTC());
  }

  @Test
  void whenTheCredentialsAreRejected_getExitsWith4() {
    server.expect().get().withPath(LIST).andReturn(401, status(401, "Unauthorized")).always();

    Result r = plugin.run("get");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .startsWith("error: cannot list foos in namespace team-a: the cluster at")
        .contains("rejected the credentials (401 Unauthorized)")
        .hasLineCount(1);
  }

  @Test
  void whenListingIsForbidden_getExitsWith4AndNamesThePermission() {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(
            403,
            status(
                403,
                "foos.tutorial.my.domain is forbidden: User \"bob\" cannot list resource \"foos\""))
        .always();

    Result r = plugin.run("get");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo(
            "error: cannot list foos in namespace team-a: forbidden (foos.tutorial.my.domain is"
                + " forbidden: User \"bob\" cannot list resource \"foos\"); ask a cluster admin for that permission, or use a"
                + " context that has it\n");
  }

  @Test
  void whenTheCrdIsNotInstalled_getExitsWith4AndSaysHowToInstallIt() {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(404, status(404, "the server could not find the requested" + " resource"))
        .always();

    Result r = plugin.run("get");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .contains("the Foo API (foos.tutorial.my.domain/v1) is not installed")
        .contains("kubectl apply")
        .hasLineCount(1);
  }

  @Test
  void whenTheCrdIsNotInstalled_whyReportsFooApiNotInstalledAndExitsWith4() {
    server
        .expect()
        .get()
        .withPath(FOOS + "/foo-01")
        .andReturn(404, status(404, "not found"))
        .always();
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(404, status(404, "the server could not find the requested" + " resource"))
        .always();

    Result r = plugin.run("why", "foo-01");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out())
        .startsWith("Foo team-a/foo-01: the Foo API is not installed.")
        .contains("[FooApiNotInstalled]")
        .contains("kubectl foo crd | kubectl apply -f -")
        .doesNotContain("target/");
  }

  @Test
  void whenTheCrdIsNotInstalled_getByNameAndDeleteExitWith4NotWith3() {
    server
        .expect()
        .get()
        .withPath(FOOS + "/foo-01")
        .andReturn(404, status(404, "not found"))
        .always();
    server
        .expect()
        .delete()
        .withPath(FOOS + "/foo-01")
        .andReturn(404, status(404, "not found"))
        .always();
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(404, status(404, "the server could not find the requested" + " resource"))
        .always();

    assertThat(plugin.run("get", "foo-01").exitCode()).isEqualTo(4);
    assertThat(plugin.run("delete", "foo-01").exitCode()).isEqualTo(4);
  }

  @Test
  void whenTheServerFails_getExitsWith4() {
    server.expect().get().withPath(LIST).andReturn(503, status(503, "etcd is down")).always();

    Result r = plugin.run("get");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("failed (503: etcd is down); try again").hasLineCount(1);
  }

  @Test
  void whenTheClusterIsUnreachable_everyClusterCommandExitsWith4WithoutAStackTrace() {
    PluginRun nowhere =
        PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir.resolve("nowhere"), "https://127.0.0.1:1", "t", "team-a"),
            Clock.systemUTC());

    for (String[] args :
        new String[][] {
          {"get"},
          {"friends"},
          {"why", "foo-01"},
          {"delete", "foo-01"},
          {"create", "foo-01", "--friend", "jack"}
        }) {
      Result r = nowhere.run(args);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
      assertThat(r.err())
          .as(r.toString())
          .contains("the cluster at https://127.0.0.1:1/ is unreachable")
          .hasLineCount(1);
    }
  }

  @Test
  void withVerbose_theStackTraceFollowsTheErrorLine() {
    PluginRun nowhere =
        PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir.resolve("nowhere"), "https://127.0.0.1:1", "t", "team-a"),
            Clock.systemUTC());

    Result r = nowhere.run("get", "-v");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("error: cannot list foos");
    assertThat(r.err()).contains("\tat ");
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
