package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.FooWaits.awaitHappy;
import static my.domain.tutorial.testsupport.FooWaits.foo;
import static my.domain.tutorial.testsupport.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Restarts of the operator and of the API server, and failover between two operator instances. */
@ExtendWith(ControlPlaneExtension.class)
class ResilienceIT {
  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
  }

  @AfterEach
  void tearDown() {
    cp.faults().startApiServer(); // in case a test failed while it was down
  }

  @Test
  void whenPodsChangeWhileTheOperatorIsStopped_itConvergesEveryFooOnRestart() {
    try (OperatorUnderTest operator = OperatorUnderTest.start(cp)) {
      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(pod(ns.name(), "jill")).create();
      admin.resource(Foo.of(ns.name(), "foo-jack", "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-jill", "jill")).create();
      admin.resource(Foo.of(ns.name(), "foo-joe", "joe")).create();
      awaitHappy(admin, ns.name(), "foo-jack", true);
      awaitHappy(admin, ns.name(), "foo-jill", true);
      awaitHappy(admin, ns.name(), "foo-joe", false);
    }

    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    admin.resource(pod(ns.name(), "joe")).create();
    admin
        .resources(Foo.class)
        .inNamespace(ns.name())
        .withName("foo-jill")
        .edit(
            f -> {
              f.getSpec().setName("nobody");
              return f;
            });

    try (OperatorUnderTest operator = OperatorUnderTest.start(cp)) {
      awaitHappy(admin, ns.name(), "foo-jack", false);
      awaitHappy(admin, ns.name(), "foo-joe", true);
      Foo jill = awaitHappy(admin, ns.name(), "foo-jill", false);
      assertThat(jill.getStatus().getObservedGeneration()).isEqualTo(2);
    }
  }

  @Test
  void restartOverACorrectCluster_writesNothing() {
    admin.resource(pod(ns.name(), "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-02", "nobody")).create();
    try (OperatorUnderTest operator = OperatorUnderTest.start(cp)) {
      awaitHappy(admin, ns.name(), "foo-01", true);
      awaitHappy(admin, ns.name(), "foo-02", false);
    }
    String v1 = foo(admin, ns.name(), "foo-01").getMetadata().getResourceVersion();
    String v2 = foo(admin, ns.name(), "foo-02").getMetadata().getResourceVersion();

    try (OperatorUnderTest operator = OperatorUnderTest.start(cp, watchingOnlyThisNamespace())) {
      // A marker Foo reconciled proves nothing about the two still queued: wait until the initial
      // sync has reconciled both, then watch for a write over a window any late one would fall in.
      await()
          .ignoreExceptions() // the SDK's series exists after the first reconcile
          .atMost(FooWaits.PATIENCE)
          .until(() -> operator.metric("operator_sdk_reconciliations_success_total") >= 2);
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(operator.writes()).isEmpty();
                assertThat(operator.metric("foo_status_patches_total")).isZero();
                assertThat(operator.metric("foo_events_recorded_total")).isZero();
              });
      assertThat(foo(admin, ns.name(), "foo-01").getMetadata().getResourceVersion()).isEqualTo(v1);
      assertThat(foo(admin, ns.name(), "foo-02").getMetadata().getResourceVersion()).isEqualTo(v2);
    }
  }

  /**
   * Foos other tests leave in their namespaces while being torn down would count as reconciles
   * here.
   */
  private Map<String, String> watchingOnlyThisNamespace() {
    return Map.of(OperatorSettings.WATCH_NAMESPACES, ns.name());
  }

  @Test
  void whenTheApiServerRestarts_theOperatorRecoversOnItsOwn_andReadyzReportsTheOutage() {
    try (OperatorUnderTest operator = OperatorUnderTest.start(cp)) {
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", false);
      assertThat(operator.probe("/readyz").status()).isEqualTo(200);

      cp.faults().stopApiServer();
      await().atMost(Duration.ofSeconds(30)).until(() -> operator.probe("/readyz").status() == 503);
      assertThat(operator.probe("/healthz").status())
          .as("liveness must not follow the API server")
          .isEqualTo(200);

      cp.faults().startApiServer();
      await().atMost(Duration.ofSeconds(90)).until(() -> operator.probe("/readyz").status() == 200);

      // Its watches are live again: a new friend is noticed without restarting the operator.
      admin.resource(pod(ns.name(), "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(operator.timesLeadershipLost()).isZero();
    }
  }

  @Test
  void withLeaderElection_onlyTheLeaderWrites_andTheStandbyTakesOverWithinTheLeaseDuration() {
    Duration lease = Duration.ofSeconds(4);
    Map<String, String> env =
        Map.of(
            OperatorSettings.LEADER_ELECTION,
            "true",
            OperatorSettings.LEASE_NAME,
            "leader-" + ns.name(),
            OperatorSettings.LEASE_DURATION,
            lease.toSeconds() + "s",
            OperatorSettings.RENEW_DEADLINE,
            "3s",
            OperatorSettings.RETRY_PERIOD,
            "500ms",
            // Only this test's Foos: what earlier tests left elsewhere must not count as writes.
            OperatorSettings.WATCH_NAMESPACES,
            ns.name());
    // Both in one try-with-resources: if the second fails to start, the first is still stopped.
    try (OperatorUnderTest first = OperatorUnderTest.start(cp, with(env, "first"));
        OperatorUnderTest second = OperatorUnderTest.start(cp, with(env, "second"))) {
      await().atMost(Duration.ofSeconds(20)).until(() -> first.leads() ^ second.leads());
      OperatorUnderTest leader = first.leads() ? first : second;
      OperatorUnderTest standby = leader == first ? second : first;
      assertThat(
              admin
                  .leases()
                  .inNamespace(OperatorUnderTest.NAMESPACE)
                  .withName("leader-" + ns.name())
                  .get()
                  .getSpec()
                  .getHolderIdentity())
          .isEqualTo(leader.identity());
      assertThat(standby.probe("/readyz").status()).isEqualTo(200);

      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(leader.metric("foo_status_patches_total")).isGreaterThanOrEqualTo(1.0);
      assertThat(standby.metric("foo_status_patches_total")).isZero();
      // The SDK creates its reconcile counters on the first reconcile: a standby has none.
      assertThat(standby.metrics()).doesNotContain("operator_sdk_reconciliations_started_total");

      Instant stopped = Instant.now();
      leader.close();
      await().atMost(lease.plusSeconds(1)).until(() -> standby.leads());
      assertThat(Duration.between(stopped, Instant.now()))
          .isLessThanOrEqualTo(lease.plusSeconds(1));

      admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
      awaitHappy(admin, ns.name(), "foo-01", false);
      assertThat(standby.metric("foo_status_patches_total")).isGreaterThanOrEqualTo(1.0);
      assertThat(standby.timesLeadershipLost()).isZero();
    }
  }

  private static Map<String, String> with(Map<String, String> env, String identity) {
    var all = new java.util.HashMap<>(env);
    all.put(OperatorSettings.IDENTITY, identity);
    return all;
  }
}
