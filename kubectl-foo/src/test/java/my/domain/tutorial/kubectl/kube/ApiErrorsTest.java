package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  static final String SERVER = "https://127.0.0.1:6443";

  @Test
  void unauthorizedMeansRefreshTheCredentials() {
    PluginException e =
        ApiErrors.translate(status(401, "Unauthorized"), "list foos in namespace a", SERVER);

    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot list foos in namespace a: the cluster at "
                + SERVER
                + " rejected the credentials (401 Unauthorized); log in again or refresh the credentials in your kubeconfig");
  }

  @Test
  void forbiddenNamesWhatWasRefused() {
    PluginException e =
        ApiErrors.translate(
            status(403, "foos is forbidden: User \"bob\" cannot list"),
            "list foos in namespace a",
            SERVER);

    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.getMessage())
        .contains("forbidden (foos is forbidden: User \"bob\" cannot list)")
        .endsWith("ask a cluster admin for that permission, or use a context that has it");
  }

  @Test
  void notFoundOnTheResourceTypeMeansTheCrdIsMissing() {
    PluginException e =
        ApiErrors.translate(
            status(404, "the server could not find the requested resource"),
            "list foos in namespace a",
            SERVER);

    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.getMessage())
        .contains("the Foo API (foos.tutorial.my.domain/v1) is not installed")
        .contains("kubectl foo crd | kubectl apply -f -")
        .doesNotContain("target/");
  }

  @Test
  void aMissingNamespaceIsAUsageError() {
    var status =
        new StatusBuilder()
            .withCode(404)
            .withMessage("namespaces \"x\" not found")
            .withNewDetails()
            .withKind("namespaces")
            .withName("x")
            .endDetails()
            .build();

    PluginException e =
        ApiErrors.translate(new KubernetesClientException(status), "create foo a", SERVER);

    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).contains("namespace x does not exist; create it");
  }

  @Test
  void aConnectionFailureMeansUnreachable() {
    var e =
        ApiErrors.translate(
            new KubernetesClientException(
                "An error has occurred.", new ConnectException("Connection refused")),
            "list foos in namespace a",
            SERVER);

    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot list foos in namespace a: the cluster at "
                + SERVER
                + " is unreachable (ConnectException: Connection refused); check that it is running and that your kubeconfig"
                + " or --context points at it");
  }

  @Test
  void aRequestThatOutlivedItsTimeoutSaysSoWhicheverFailureTheClientReports() {
    String expected =
        "cannot list foos in namespace a: the cluster at "
            + SERVER
            + " did not answer in time (request timed out); check that it is running and"
            + " reachable, or allow it longer with --request-timeout";

    for (Throwable cause :
        new Throwable[] {
          new HttpTimeoutException("request timed out"),
          new IOException("connection closed locally")
        }) {
      var e =
          ApiErrors.translate(
              new KubernetesClientException("An error has occurred.", cause),
              "list foos in namespace a",
              SERVER);

      assertThat(e.exitCode()).as(cause.toString()).isEqualTo(4);
      assertThat(e.getMessage()).as(cause.toString()).isEqualTo(expected);
    }
  }

  @Test
  void anythingElseIsUnexpectedAndOneLine() {
    var e = ApiErrors.translate(new IllegalStateException("two\nlines"), "get foo a", SERVER);

    assertThat(e.exitCode()).isEqualTo(5);
    assertThat(e.getMessage()).doesNotContain("\n").contains("two lines").contains("rerun with -v");
  }

  private static KubernetesClientException status(int code, String message) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage(message).build());
  }
}
