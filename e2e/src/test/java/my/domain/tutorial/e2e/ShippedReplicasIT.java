package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.FooWaits.awaitHappy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.ShippedOperatorProcess;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leader election and resilience of the shipped operator as processes ({@link
 * ShippedOperatorProcess}: the jar, and the native executable in the native tier), with the
 * Deployment's settings and its ServiceAccount's RBAC: what {@code ResilienceIT} and {@code
 * LeaderElectionIT} prove in depth in-process, checked here on what ships. The shipped Role grants
 * only the shipped Lease's name, so each test starts and ends without it, and watches only its own
 * namespace.
 */
@ExtendWith(ControlPlaneExtension.class)
class ShippedReplicasIT {
  private static final Duration LEASE = Duration.ofSeconds(4);

  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    this.admin = cp.adminClient();
    this.ns = ns;
    OperatorUnderTest.installCrd(admin);
    OperatorUnderTest.installRbac(admin);
    deleteLease();
  }

  @AfterEach
  void tearDown() {
    cp.faults().startApiServer(); // in case a test failed while it was down
    deleteLease();
  }

  @Test
  void twoReplicas_oneLeads_andWhenTheLeaderIsKilled_theStandbyTakesOverWithinTheLeaseDuration()
      throws Exception {
    try (ShippedOperatorProcess first = ShippedOperatorProcess.start(cp, "first", settings());
        ShippedOperatorProcess second = ShippedOperatorProcess.start(cp, "second", settings())) {
      await().atMost(Duration.ofSeconds(90)).until(() -> holder() != null);
      String leaderName = holder();
      assertThat(leaderName).as("the Lease's holder").isIn("first", "second");
      ShippedOperatorProcess leader = leaderName.equals("first") ? first : second;
      ShippedOperatorProcess standby = leader == first ? second : first;
      String standbyName = leader == first ? "second" : "first";
      await().atMost(Duration.ofSeconds(30)).until(() -> standby.probe("/readyz") == 200);

      admin.resource(TestPods.pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);

      Instant killed = Instant.now();
      leader.kill(); // no release: the standby must wait the lease out
      await()
          .atMost(LEASE.plusSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> standbyName.equals(holder()));
      assertThat(Duration.between(killed, Instant.now()))
          .as("from the leader's death to the standby's Lease")
          .isLessThanOrEqualTo(LEASE.plusSeconds(5));

      // The new leader reconciles: a change after the takeover reaches the Foo.
      admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
      awaitHappy(admin, ns.name(), "foo-01", false);
      assertThat(standby.isAlive()).isTrue();
    }
  }

  @Test
  void whenTheApiServerRestarts_theShippedOperatorReportsTheOutage_andRecoversOnItsOwn()
      throws Exception {
    try (ShippedOperatorProcess operator = ShippedOperatorProcess.start(cp, "only", settings())) {
      await().atMost(Duration.ofSeconds(90)).until(() -> operator.probe("/readyz") == 200);
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", false);

      cp.faults().stopApiServer();
      await().atMost(Duration.ofSeconds(30)).until(() -> operator.probe("/readyz") == 503);
      assertThat(operator.probe("/healthz"))
          .as("liveness must not follow the API server")
          .isEqualTo(200);

      cp.faults().startApiServer();
      await().atMost(Duration.ofSeconds(90)).until(() -> operator.probe("/readyz") == 200);
      admin.resource(TestPods.pod(ns.name(), "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(operator.isAlive()).isTrue();
    }
  }

  /** Short lease timings so a takeover fits a test; this test's namespace only. */
  private Map<String, String> settings() {
    return Map.of(
        OperatorSettings.LEASE_DURATION,
        LEASE.toSeconds() + "s",
        OperatorSettings.RENEW_DEADLINE,
        "3s",
        OperatorSettings.RETRY_PERIOD,
        "500ms",
        OperatorSettings.WATCH_NAMESPACES,
        ns.name());
  }

  private String holder() {
    Lease lease = shippedLease().get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private void deleteLease() {
    shippedLease().delete();
  }

  private io.fabric8.kubernetes.client.dsl.Resource<Lease> shippedLease() {
    return admin
        .leases()
        .inNamespace(OperatorDefaults.NAMESPACE)
        .withName(OperatorDefaults.LEASE_NAME);
  }
}
