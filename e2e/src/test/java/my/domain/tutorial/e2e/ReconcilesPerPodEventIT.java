package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.FooWaits.awaitReason;
import static my.domain.tutorial.testsupport.TestPods.held;
import static my.domain.tutorial.testsupport.TestPods.pod;
import static my.domain.tutorial.testsupport.TestPods.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one friend Pod event costs the running operator, counted by its own metrics on a real API
 * server: one reconcile, and a status write and an Event only when the verdict or happiness
 * changes. The operator watches this class's namespace only, with the periodic re-check off, so
 * nothing else is counted.
 */
@ExtendWith(ControlPlaneExtension.class)
class ReconcilesPerPodEventIT {
  /**
   * How long the counters must stay put after the expected reconcile: a late extra one would show
   * by then.
   */
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static TestNamespace ns;
  private static OperatorUnderTest operator;
  private KubernetesClient admin;

  @BeforeAll
  static void startOperator(ControlPlane cp, TestNamespace namespace) {
    ns = namespace;
    operator =
        OperatorUnderTest.start(
            cp,
            Map.of(
                OperatorSettings.WATCH_NAMESPACES, ns.name(), OperatorSettings.RESYNC_PERIOD, "0"));
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @BeforeEach
  void setUp(ControlPlane cp) {
    admin = cp.adminClient();
  }

  @Test
  void whenFriendPodIsCreated_oneReconcileOneStatusWriteOneEvent() {
    String name = settledFoo("jack", false);

    Counts before = counts();
    admin.resource(pod(ns.name(), "jack")).create();
    awaitReason(admin, ns.name(), name, "FriendFound");

    assertCostSince(before, 1, 1, 1);
  }

  @Test
  void whenFriendPodIsForceDeleted_fooGoesStraightToFriendNotFound_oneReconcileOneWriteOneEvent() {
    admin.resource(pod(ns.name(), "jill")).create();
    String name = settledFoo("jill", true);

    Counts before = counts();
    admin.pods().inNamespace(ns.name()).withName("jill").withGracePeriod(0).delete();
    awaitReason(admin, ns.name(), name, "FriendNotFound");

    assertCostSince(before, 1, 1, 1);
    assertThat(eventsOf(name)).extracting(Event::getReason).doesNotContain("FriendTerminating");
  }

  @Test
  void
      whenAFinalizerHoldsTheDeletedFriendPod_fooIsFriendTerminatingUntilItIsReleased_oneReconcileEach() {
    admin.resource(held(ns.name(), "joe")).create();
    String name = settledFoo("joe", true);

    Counts before = counts();
    admin.pods().inNamespace(ns.name()).withName("joe").withGracePeriod(0).delete();
    awaitReason(admin, ns.name(), name, "FriendTerminating");
    assertCostSince(before, 1, 1, 1);

    Counts terminating = counts();
    release(admin, ns.name(), "joe");
    awaitReason(admin, ns.name(), name, "FriendNotFound");
    // Terminating -> gone changes the reason, not happiness: a status write, no Event.
    assertCostSince(terminating, 1, 1, 0);
  }

  /**
   * A new Foo naming {@code friend}, reconciled and quiet: what follows is the Pod event's cost
   * alone.
   */
  private String settledFoo(String friend, boolean happy) {
    String name = "foo-of-" + friend;
    admin.resource(Foo.of(ns.name(), name, friend)).create();
    awaitReason(admin, ns.name(), name, happy ? "FriendFound" : "FriendNotFound");
    Counts settled = counts();
    await().during(QUIET).atMost(QUIET.multipliedBy(5)).until(() -> counts().equals(settled));
    return name;
  }

  private void assertCostSince(Counts before, int reconciles, int statusWrites, int events) {
    Counts expected =
        new Counts(
            before.reconciles + reconciles,
            before.statusWrites + statusWrites,
            before.events + events);
    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(5))
        .untilAsserted(() -> assertThat(counts()).isEqualTo(expected));
  }

  private List<Event> eventsOf(String name) {
    return admin.v1().events().inNamespace(ns.name()).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private static Counts counts() {
    return new Counts(
        operator.metric("operator_sdk_reconciliations_started_total"),
        operator.metric("foo_status_patches_total"),
        operator.metric("foo_events_recorded_total"));
  }

  private record Counts(double reconciles, double statusWrites, double events) {}
}
