package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.ServiceAccountTokens;
import my.domain.tutorial.testsupport.ShippedDeployment;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as the image runs it: {@code java -jar} on the built jar and its {@code lib/} (the
 * trimmed runtime classpath), with the JVM options, memory limit and environment of the shipped
 * Deployment, authenticated with a token of its ServiceAccount. The other ITs start the operator
 * in-process with the test classpath; this one proves the shipped configuration itself works. The
 * native tier runs it again on the native executable ({@link ShippedDeployment#NATIVE_EXECUTABLE}),
 * with the same environment and the same assertions.
 */
@ExtendWith(ControlPlaneExtension.class)
class ShippedOperatorIT {
  private static final String IDENTITY = "shipped-operator-it";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theShippedOperatorWithTheDeploymentsSettings_leadsReconcilesLogsJsonAndReleasesTheLease(
      ControlPlane cp) throws Exception {
    KubernetesClient admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    OperatorUnderTest.installRbac(admin);
    Path dir = Files.createTempDirectory("shipped-operator");
    Path log = dir.resolve("operator.log");
    int health = ControlPlaneConfig.freePort();
    Process operator = start(cp, dir, log, health);
    try (TestNamespace ns = TestNamespace.create(admin, "shipped")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> readyz(operator, health).equals("ok\n"));
      assertThat(leaseHolder(admin)).isEqualTo(IDENTITY);

      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      FooWaits.awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
      admin.resource(TestPods.pod(ns.name(), "jack")).create();
      FooWaits.awaitHappy(admin, ns.name(), "foo-01", true);
      await()
          .atMost(FooWaits.PATIENCE)
          .until(
              () ->
                  admin.v1().events().inNamespace(ns.name()).list().getItems().stream()
                      .anyMatch(e -> "FriendFound".equals(e.getReason())));

      operator.destroy(); // SIGTERM, as the kubelet stops a container
      assertThat(operator.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      // Released as fabric8 does it: the holder's name stays, the lease shrinks to one second.
      assertThat(lease(admin).getSpec().getLeaseDurationSeconds())
          .as("lease duration after a clean stop, in seconds")
          .isLessThanOrEqualTo(1);

      List<String> lines = Files.readAllLines(log);
      assertThat(lines).as("the operator's log").isNotEmpty();
      for (String line : lines) {
        JsonNode entry = JSON.readTree(line); // every line one JSON object, nothing else
        assertThat(entry.has("level") && entry.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(lines).noneMatch(l -> l.contains("\"level\":\"ERROR\""));
    } finally {
      operator.destroyForcibly().waitFor();
    }
  }

  private static Process start(ControlPlane cp, Path dir, Path log, int health) throws IOException {
    ProcessBuilder builder =
        ShippedDeployment.load()
            .shippedProcess()
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("KUBERNETES_"));
    // What the kubelet would fill in from the Pod, and the ServiceAccount's token.
    env.put("FOO_OPERATOR_NAMESPACE", OperatorDefaults.NAMESPACE);
    env.put("POD_NAME", IDENTITY);
    env.put("KUBECONFIG", serviceAccountKubeconfig(cp, dir).toString());
    env.put("FOO_HEALTH_PORT", Integer.toString(health));
    env.put("FOO_METRICS_PORT", Integer.toString(ControlPlaneConfig.freePort()));
    return builder.start();
  }

  private static Path serviceAccountKubeconfig(ControlPlane cp, Path dir) throws IOException {
    String token =
        ServiceAccountTokens.mint(
            cp.adminClient(), OperatorDefaults.NAMESPACE, OperatorDefaults.SERVICE_ACCOUNT);
    Config admin = cp.adminConfig();
    String ca =
        admin.getCaCertData() != null
            ? admin.getCaCertData()
            : Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: foo-operator
          user:
            token: %s
        contexts:
        - name: foo-operator
          context:
            cluster: local
            user: foo-operator
            namespace: %s
        current-context: foo-operator
        """
            .formatted(cp.server(), ca, token, OperatorDefaults.NAMESPACE));
    return file;
  }

  private static String readyz(Process operator, int port) throws Exception {
    if (!operator.isAlive()) {
      throw new IllegalStateException("the operator exited with " + operator.exitValue());
    }
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException notListeningYet) {
      return "";
    }
  }

  private static Lease lease(KubernetesClient admin) {
    return admin
        .leases()
        .inNamespace(OperatorDefaults.NAMESPACE)
        .withName(OperatorDefaults.LEASE_NAME)
        .get();
  }

  private static String leaseHolder(KubernetesClient admin) {
    Lease lease = lease(admin);
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }
}
