package my.domain.tutorial.e2e;

import static my.domain.tutorial.e2e.Fixtures.assertTransitionedBetween;
import static my.domain.tutorial.e2e.Fixtures.awaitNextSecond;
import static my.domain.tutorial.e2e.Fixtures.transitionTime;
import static my.domain.tutorial.testsupport.FooWaits.awaitHappy;
import static my.domain.tutorial.testsupport.FooWaits.awaitReason;
import static my.domain.tutorial.testsupport.FooWaits.foo;
import static my.domain.tutorial.testsupport.TestPods.held;
import static my.domain.tutorial.testsupport.TestPods.pod;
import static my.domain.tutorial.testsupport.TestPods.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole status story on a real API server, with the operator running as its ServiceAccount with
 * exactly the shipped RBAC: every scenario passing here is also the proof that it suffices.
 */
@ExtendWith(ControlPlaneExtension.class)
class FooStatusIT {
  private static OperatorUnderTest operator;
  private KubernetesClient admin;
  private TestNamespace ns;
  private TestNamespace other;

  @BeforeAll
  static void startOperator(ControlPlane cp) {
    operator = OperatorUnderTest.start(cp);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @BeforeEach
  void namespaces(ControlPlane cp, TestNamespace ns, TestNamespace other) {
    admin = cp.adminClient();
    this.ns = ns;
    this.other = other;
  }

  @Test
  void whenNoFriendPodExists_fooIsUnhappyWithConditionAndObservedGeneration() {
    Instant created = Instant.now();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();

    Foo foo = awaitHappy(admin, ns.name(), "foo-01", false);
    Instant seen = Instant.now();

    FooCondition happy = foo.getStatus().condition(FooCondition.HAPPY).orElseThrow();
    assertThat(happy.getStatus()).isEqualTo("False");
    assertThat(happy.getReason()).isEqualTo("FriendNotFound");
    assertThat(happy.getObservedGeneration()).isEqualTo(foo.getMetadata().getGeneration());
    assertThat(foo.getStatus().getObservedGeneration())
        .isEqualTo(foo.getMetadata().getGeneration());
    assertTransitionedBetween(foo, created, seen);
    // The operator caches Foos without managedFields; its status writes must not wipe them.
    assertThat(foo.getMetadata().getManagedFields())
        .extracting(f -> f.getSubresource())
        .contains("status");
    assertThat(foo.getMetadata().getManagedFields())
        .anySatisfy(f -> assertThat(f.getSubresource()).isNull());
  }

  @Test
  void whenFriendPodIsCreatedThenDeleted_fooBecomesHappyThenUnhappy_withOneEventPerTransition() {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", false);

    Instant podCreated = Instant.now();
    admin.resource(pod(ns.name(), "jack")).create();
    Foo happy = awaitReason(admin, ns.name(), "foo-01", "FriendFound");
    Instant happySeen = Instant.now();
    assertThat(happy.getStatus().getHappy()).isTrue();
    assertTransitionedBetween(happy, podCreated, happySeen);

    // The times are whole seconds: start the next transition in a later second than the last, so
    // that a lastTransitionTime left unmoved cannot pass for a new one.
    awaitNextSecond(transitionTime(happy));
    Instant podDeleted = Instant.now();
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    Foo lost = awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
    Instant lostSeen = Instant.now();
    assertThat(lost.getStatus().getHappy()).isFalse();
    assertTransitionedBetween(lost, podDeleted, lostSeen);
    assertThat(transitionTime(lost)).isAfter(transitionTime(happy));

    await()
        .atMost(FooWaits.PATIENCE)
        .untilAsserted(
            () -> {
              List<Event> events =
                  admin.v1().events().inNamespace(ns.name()).list().getItems().stream()
                      .filter(e -> "foo-01".equals(e.getInvolvedObject().getName()))
                      .toList();
              // Three transitions: unknown -> unhappy, unhappy -> happy, happy -> unhappy. The API
              // server
              // marks a force-deleted Pod terminating (grace period 0) before removing it; that
              // deletion is
              // already complete, so the loss is a second FriendNotFound, never a
              // FriendTerminating.
              assertThat(events.stream().filter(e -> e.getType().equals("Normal")))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.getReason()).isEqualTo("FriendFound");
                        assertThat(e.getCount()).isEqualTo(1);
                      });
              assertThat(events.stream().filter(e -> e.getType().equals("Warning")))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.getReason()).isEqualTo("FriendNotFound");
                        assertThat(e.getCount()).isEqualTo(2);
                      });
              assertThat(events)
                  .allSatisfy(
                      e -> {
                        assertThat(e.getInvolvedObject().getKind()).isEqualTo("Foo");
                        assertThat(e.getInvolvedObject().getUid())
                            .isEqualTo(foo(admin, ns.name(), "foo-01").getMetadata().getUid());
                        assertThat(e.getSource().getComponent()).isEqualTo("foo-operator");
                      });
            });
  }

  @Test
  void whenTheOperatorRestarts_eventCountsContinueFromTheCluster_neverBackwards(ControlPlane cp) {
    admin.resource(Foo.of(ns.name(), "foo-ev", "jack")).create();
    awaitReason(admin, ns.name(), "foo-ev", "FriendNotFound");
    admin.resource(pod(ns.name(), "jack")).create();
    awaitReason(admin, ns.name(), "foo-ev", "FriendFound");
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    awaitReason(admin, ns.name(), "foo-ev", "FriendNotFound");
    await().atMost(FooWaits.PATIENCE).until(() -> warningCount("foo-ev") == 2);

    operator.close();
    operator = OperatorUnderTest.start(cp);
    admin.resource(pod(ns.name(), "jack")).create();
    awaitReason(admin, ns.name(), "foo-ev", "FriendFound");
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    awaitReason(admin, ns.name(), "foo-ev", "FriendNotFound");

    // The restarted operator knew no counts; the third loss is still recorded as the third.
    await()
        .atMost(FooWaits.PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(warningCount("foo-ev")).isEqualTo(3);
              assertThat(eventsOf("foo-ev").stream().filter(e -> e.getType().equals("Normal")))
                  .singleElement()
                  .satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
            });
  }

  /**
   * {@code kubectl delete events --all} in the Foo's namespace (the API server's event TTL does the
   * same to every Event an hour after its last update): the next transitions record new Events,
   * each with count 1, and no Event write fails.
   */
  @Test
  void whenEventWasDeleted_nextTransitionCreatesANewOne() {
    admin.resource(Foo.of(ns.name(), "foo-ttl", "jack")).create();
    awaitReason(admin, ns.name(), "foo-ttl", "FriendNotFound");
    admin.resource(pod(ns.name(), "jack")).create();
    awaitReason(admin, ns.name(), "foo-ttl", "FriendFound");
    await().atMost(FooWaits.PATIENCE).until(() -> eventsOf("foo-ttl").size() == 2);
    double failedBefore = operator.metric("foo_events_failed_total");

    admin.v1().events().inNamespace(ns.name()).delete();
    await().atMost(FooWaits.PATIENCE).until(() -> eventsOf("foo-ttl").isEmpty());
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    awaitReason(admin, ns.name(), "foo-ttl", "FriendNotFound");
    admin.resource(pod(ns.name(), "jack")).create();
    awaitReason(admin, ns.name(), "foo-ttl", "FriendFound");

    await()
        .atMost(FooWaits.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(eventsOf("foo-ttl"))
                    .extracting(Event::getReason, Event::getCount)
                    .containsExactlyInAnyOrder(
                        tuple("FriendNotFound", 1), tuple("FriendFound", 1)));
    assertThat(operator.metric("foo_events_failed_total")).isEqualTo(failedBefore);
  }

  private List<Event> eventsOf(String foo) {
    return admin.v1().events().inNamespace(ns.name()).list().getItems().stream()
        .filter(e -> foo.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private int warningCount(String foo) {
    List<Event> warnings =
        eventsOf(foo).stream().filter(e -> e.getType().equals("Warning")).toList();
    assertThat(warnings).as("one Warning Event, deduplicated by count").hasSizeLessThanOrEqualTo(1);
    return warnings.isEmpty() ? 0 : warnings.get(0).getCount();
  }

  @Test
  void whenSpecNameIsChangedToAnExistingPod_fooBecomesHappyForTheNewGeneration() {
    admin.resource(pod(ns.name(), "jill")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", false);

    admin
        .resources(Foo.class)
        .inNamespace(ns.name())
        .withName("foo-01")
        .edit(
            f -> {
              f.getSpec().setName("jill");
              return f;
            });

    Foo foo = awaitHappy(admin, ns.name(), "foo-01", true);
    assertThat(foo.getMetadata().getGeneration()).isEqualTo(2);
    assertThat(foo.getStatus().getObservedGeneration()).isEqualTo(2);
  }

  @Test
  void whenTwoFoosShareAFriend_bothFollowIt() {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-02", "jack")).create();
    admin.resource(pod(ns.name(), "jack")).create();

    awaitHappy(admin, ns.name(), "foo-01", true);
    awaitHappy(admin, ns.name(), "foo-02", true);

    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    awaitHappy(admin, ns.name(), "foo-01", false);
    awaitHappy(admin, ns.name(), "foo-02", false);
  }

  @Test
  void aSameNamedPodInAnotherNamespace_neverCounts() {
    admin.resource(pod(other.name(), "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", false);
    String version = foo(admin, ns.name(), "foo-01").getMetadata().getResourceVersion();

    // Churn next door, then a marker Foo in the same namespace proves the operator has caught up.
    admin.pods().inNamespace(other.name()).withName("jack").withGracePeriod(0).delete();
    admin.resource(pod(other.name(), "jack")).create();
    admin.resource(Foo.of(other.name(), "marker", "jack")).create();
    awaitHappy(admin, other.name(), "marker", true);

    // The marker's reconcile may finish before a wrongly queued one of foo-01: hold the check over
    // a window such a reconcile would fall in.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Foo foo = foo(admin, ns.name(), "foo-01");
              assertThat(foo.getStatus().getHappy()).isFalse();
              assertThat(foo.getMetadata().getResourceVersion()).isEqualTo(version);
            });
  }

  @Test
  void whenFriendPodStartsTerminating_fooBecomesUnhappyWithFriendTerminating() {
    admin.resource(held(ns.name(), "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", true);

    Instant deleted = Instant.now();
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();

    Foo terminating = awaitReason(admin, ns.name(), "foo-01", "FriendTerminating");
    assertTransitionedBetween(terminating, deleted, Instant.now());
    assertThat(terminating.getStatus().getHappy()).isFalse();
    assertThat(
            admin
                .pods()
                .inNamespace(ns.name())
                .withName("jack")
                .get()
                .getMetadata()
                .getDeletionTimestamp())
        .isNotNull();

    // In a later second than the transition, a lastTransitionTime rewritten on the way to
    // FriendNotFound would differ from the one kept.
    awaitNextSecond(transitionTime(terminating));
    release(admin, ns.name(), "jack");
    Foo gone = awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
    // Terminating -> gone is no change of happiness: lastTransitionTime stays.
    assertThat(gone.getStatus().condition(FooCondition.HAPPY).orElseThrow().getLastTransitionTime())
        .isEqualTo(
            terminating
                .getStatus()
                .condition(FooCondition.HAPPY)
                .orElseThrow()
                .getLastTransitionTime());
  }

  @Test
  void whenAStoredFooHasNoSpec_fooIsUnhappyWithNoFriendNamed_andNeverSaysNull() {
    // Such a Foo can only come from before the CRD required spec: store it under that CRD.
    OperatorUnderTest.installCrdNotRequiringSpec(admin);
    try {
      GenericKubernetesResource noSpec =
          new GenericKubernetesResourceBuilder()
              .withApiVersion("tutorial.my.domain/v1")
              .withKind("Foo")
              .withNewMetadata()
              .withName("foo-01")
              .withNamespace(ns.name())
              .endMetadata()
              .build();
      // The API server takes a moment to serve the changed schema.
      await()
          .atMost(FooWaits.PATIENCE)
          .ignoreExceptions()
          .until(() -> admin.resource(noSpec).create() != null);
    } finally {
      OperatorUnderTest.installCrd(admin);
    }

    Foo foo = awaitReason(admin, ns.name(), "foo-01", "NoFriendNamed");

    assertThat(foo.getSpec()).isNull();
    assertThat(foo.getStatus().getHappy()).isFalse();
    assertThat(foo.getStatus().condition(FooCondition.HAPPY).orElseThrow().getMessage())
        .contains("spec.name")
        .doesNotContain("null");
    await()
        .atMost(FooWaits.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(admin.v1().events().inNamespace(ns.name()).list().getItems())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getReason()).isEqualTo("NoFriendNamed");
                        }));
  }

  @Test
  void kubectlWaitForConditionHappy_works(ControlPlane cp) throws Exception {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", false);
    admin.resource(pod(ns.name(), "jack")).create();

    Process wait =
        new ProcessBuilder(
                cp.binaries().kubectl().toString(),
                "--kubeconfig",
                cp.kubeconfig().toString(),
                "-n",
                ns.name(),
                "wait",
                "--for=condition=Happy",
                "foo/foo-01",
                "--timeout=30s")
            .redirectErrorStream(true)
            .start();
    String out = new String(wait.getInputStream().readAllBytes());

    assertThat(wait.waitFor()).as(out).isZero();
    assertThat(out).contains("condition met");
  }

  @Test
  void kubectlGetFoos_showsFriendHappyReasonAgeColumns(ControlPlane cp) throws Exception {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitHappy(admin, ns.name(), "foo-01", false);

    Process get =
        new ProcessBuilder(
                cp.binaries().kubectl().toString(),
                "--kubeconfig",
                cp.kubeconfig().toString(),
                "-n",
                ns.name(),
                "get",
                "foos")
            .redirectErrorStream(true)
            .start();
    List<String> lines = new String(get.getInputStream().readAllBytes()).lines().toList();

    assertThat(get.waitFor()).isZero();
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("NAME", "FRIEND", "HAPPY", "REASON", "AGE");
    assertThat(lines.get(1).split("\\s+")).startsWith("foo-01", "jack", "false", "FriendNotFound");
  }
}
