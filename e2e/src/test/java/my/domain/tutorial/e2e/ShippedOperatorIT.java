package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.ShippedDeployment;
import my.domain.tutorial.testsupport.ShippedOperatorProcess;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as the image runs it: {@code java -jar} on the built jar and its {@code lib/} (the
 * trimmed runtime classpath), with the JVM options, memory limit and environment of the shipped
 * Deployment, authenticated with a token of its ServiceAccount ({@link ShippedOperatorProcess}).
 * The other ITs start the operator in-process with the test classpath; this one proves the shipped
 * configuration itself works. The native tier runs it again on the native executable ({@link
 * ShippedDeployment#NATIVE_EXECUTABLE}), with the same environment and the same assertions.
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
    try (ShippedOperatorProcess operator = ShippedOperatorProcess.start(cp, IDENTITY, Map.of());
        TestNamespace ns = TestNamespace.create(admin, "shipped")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> operator.probe("/readyz") == 200);
      // Ready means its health is known, not that it leads: a standby is ready too.
      await().atMost(Duration.ofSeconds(30)).until(() -> IDENTITY.equals(leaseHolder(admin)));
      if (ShippedDeployment.nativeExecutable().isEmpty()) {
        // The jar image's class-data archive is in use: a JVM that cannot use one runs without it.
        assertThat(Files.readString(Path.of("/proc/" + operator.pid() + "/maps")))
            .as("the JVM's mappings")
            .contains("/operator.jsa");
      }

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

      assertThat(operator.stop(Duration.ofSeconds(30))).as("stopped on SIGTERM").isTrue();
      // Released as fabric8 does it: the holder's name stays, the lease shrinks to one second.
      assertThat(lease(admin).getSpec().getLeaseDurationSeconds())
          .as("lease duration after a clean stop, in seconds")
          .isLessThanOrEqualTo(1);

      List<String> lines = Files.readAllLines(operator.log());
      assertThat(lines).as("the operator's log").isNotEmpty();
      for (String line : lines) {
        JsonNode entry = JSON.readTree(line); // every line one JSON object, nothing else
        assertThat(entry.has("level") && entry.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(lines).noneMatch(l -> l.contains("\"level\":\"ERROR\""));
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
