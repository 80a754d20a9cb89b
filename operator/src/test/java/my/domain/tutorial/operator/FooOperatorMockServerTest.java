package my.domain.tutorial.operator;

import static my.domain.tutorial.operator.MockCluster.get;
import static my.domain.tutorial.operator.MockCluster.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator against fabric8's mock API server in CRUD mode: the whole status story, in-process.
 */
class FooOperatorMockServerTest {
  private static final String NS = "team-a";
  private static final String OTHER_NS = "team-b";

  @RegisterExtension final MockCluster cluster = MockCluster.withNamespaces(NS, OTHER_NS);
  private KubernetesClient client;
  private FooOperator operator;

  @BeforeEach
  void startOperator() {
    client = cluster.admin();
    operator = cluster.startOperator();
  }

  @Test
  void whenNoFriendPodExists_fooBecomesUnhappy() {
    createFoo("foo-01", "jack");

    Foo foo = awaitHappy("foo-01", false);
    FooCondition happy = foo.getStatus().condition(FooCondition.HAPPY).orElseThrow();
    assertThat(happy.getStatus()).isEqualTo("False");
    assertThat(happy.getReason()).isEqualTo("FriendNotFound");
    assertThat(happy.getMessage()).contains("jack");
    assertThat(foo.getStatus().getObservedGeneration())
        .isEqualTo(foo.getMetadata().getGeneration());
  }

  @Test
  void whenFriendPodIsCreated_fooBecomesHappy() {
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);

    createPod(NS, "jack");

    Foo foo = awaitHappy("foo-01", true);
    assertThat(foo.getStatus().condition(FooCondition.HAPPY).orElseThrow().getReason())
        .isEqualTo("FriendFound");
  }

  @Test
  void whenFriendPodIsDeleted_fooBecomesUnhappy() {
    createPod(NS, "jack");
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", true);

    client.pods().inNamespace(NS).withName("jack").delete();

    Foo foo = awaitHappy("foo-01", false);
    assertThat(foo.getStatus().condition(FooCondition.HAPPY).orElseThrow().getReason())
        .isEqualTo("FriendNotFound");
  }

  @Test
  void whenSpecNameChangesToAnExistingPod_fooBecomesHappy() {
    createPod(NS, "jill");
    createFoo("foo-01", "jack");
    Foo unhappy = awaitHappy("foo-01", false);

    cluster.renameFriend(NS, "foo-01", "jill");

    Foo happy = awaitHappy("foo-01", true);
    assertThat(happy.getMetadata().getGeneration())
        .isGreaterThan(unhappy.getMetadata().getGeneration());
    assertThat(happy.getStatus().getObservedGeneration())
        .isEqualTo(happy.getMetadata().getGeneration());
  }

  @Test
  void whenTwoFoosShareAFriend_bothFollowThatPod() {
    createFoo("foo-01", "jack");
    createFoo("foo-02", "jack");
    awaitHappy("foo-01", false);
    awaitHappy("foo-02", false);

    createPod(NS, "jack");
    awaitHappy("foo-01", true);
    awaitHappy("foo-02", true);

    client.pods().inNamespace(NS).withName("jack").delete();
    awaitHappy("foo-01", false);
    awaitHappy("foo-02", false);
  }

  @Test
  void whenSameNamedPodExistsOnlyInAnotherNamespace_fooStaysUnhappy() {
    createPod(OTHER_NS, "jack");
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);

    // A pod event for the namespace next door must not flip the Foo either.
    client.pods().inNamespace(OTHER_NS).withName("jack").delete();
    createPod(OTHER_NS, "jack");
    createFoo("probe", "probe-pod");
    awaitHappy("probe", false);

    assertThat(foo("foo-01").getStatus().getHappy()).isFalse();
    assertThat(foo("foo-01").getStatus().condition(FooCondition.HAPPY).orElseThrow().getReason())
        .isEqualTo("FriendNotFound");
  }

  @Test
  void whenFriendPodStartsTerminating_fooBecomesUnhappyWithFriendTerminating() {
    createPod(NS, "jack", "test.tutorial.my.domain/hold");
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", true);

    client.pods().inNamespace(NS).withName("jack").delete();

    Foo foo = awaitHappy("foo-01", false);
    assertThat(foo.getStatus().condition(FooCondition.HAPPY).orElseThrow().getReason())
        .isEqualTo("FriendTerminating");
    client
        .pods()
        .inNamespace(NS)
        .withName("jack")
        .edit(
            p -> {
              p.getMetadata().setFinalizers(List.of());
              return p;
            });
    // Once the finalizer goes the Pod is gone, and so is the friend: the test ends on a settled
    // cluster rather than tearing the server down amid the deletion's watch events.
    await()
        .atMost(MockCluster.PATIENCE)
        .until(
            () ->
                cluster
                    .foo(NS, "foo-01")
                    .getStatus()
                    .condition(FooCondition.HAPPY)
                    .orElseThrow()
                    .getReason(),
            "FriendNotFound"::equals);
    assertThat(client.pods().inNamespace(NS).withName("jack").get()).isNull();
  }

  @Test
  void whenAFooNamesNoFriend_itIsUnhappyWithNoFriendNamed_andOneWarningEvent_neverNull() {
    // The real API server now rejects this (CrdValidationIT); Foos stored before spec was required
    // can still lack it.
    Foo noSpec = Foo.of(NS, "foo-01", "jack");
    noSpec.setSpec(null);
    client.resource(noSpec).create();

    Foo foo = awaitHappy("foo-01", false);

    FooCondition happy = foo.getStatus().condition(FooCondition.HAPPY).orElseThrow();
    assertThat(happy.getReason()).isEqualTo("NoFriendNamed");
    assertThat(happy.getMessage()).contains("spec.name").doesNotContain("null");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().inNamespace(NS).list().getItems())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getReason()).isEqualTo("NoFriendNamed");
                          assertThat(e.getMessage()).doesNotContain("null");
                        }));
  }

  @Test
  void eachTransitionRecordsExactlyOneEvent() {
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);
    createPod(NS, "jack");
    awaitHappy("foo-01", true);
    client.pods().inNamespace(NS).withName("jack").delete();
    awaitHappy("foo-01", false);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              List<Event> events = client.v1().events().inNamespace(NS).list().getItems();
              assertThat(events)
                  .extracting(Event::getReason)
                  .containsExactlyInAnyOrder("FriendNotFound", "FriendFound");
              Event notFound =
                  events.stream()
                      .filter(e -> e.getReason().equals("FriendNotFound"))
                      .findFirst()
                      .orElseThrow();
              Event found =
                  events.stream()
                      .filter(e -> e.getReason().equals("FriendFound"))
                      .findFirst()
                      .orElseThrow();
              assertThat(notFound.getType()).isEqualTo("Warning");
              assertThat(notFound.getCount()).isEqualTo(2);
              assertThat(found.getType()).isEqualTo("Normal");
              assertThat(found.getCount()).isEqualTo(1);
              assertThat(found.getInvolvedObject().getName()).isEqualTo("foo-01");
              assertThat(found.getInvolvedObject().getKind()).isEqualTo("Foo");
            });
  }

  /**
   * {@code kubectl delete events --all}, or the API server's event TTL, removes an Event the
   * operator will bump on the next repeat of that transition: the repeat records a new Event with
   * count 1 instead of failing on the missing one.
   */
  @Test
  void whenEventWasDeleted_nextTransitionCreatesANewOne() throws Exception {
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);
    awaitEvent("FriendNotFound", 1);
    createPod(NS, "jack");
    awaitHappy("foo-01", true);
    awaitEvent("FriendFound", 1);

    client.v1().events().inNamespace(NS).delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.v1().events().inNamespace(NS).list().getItems().isEmpty());
    client.pods().inNamespace(NS).withName("jack").delete();
    awaitHappy("foo-01", false);
    awaitEvent("FriendNotFound", 1);
    createPod(NS, "jack");
    awaitHappy("foo-01", true);
    awaitEvent("FriendFound", 1);

    assertThat(metric(operator, "foo_events_failed_total")).isZero();
    assertThat(metric(operator, "foo_events_recorded_total")).isEqualTo(4.0);
  }

  @Test
  void overFooCreateAndDeleteCycles_theOperatorHoldsNothingForDeletedFoos() {
    createPod(NS, "jack");
    for (int cycle = 0; cycle < 3; cycle++) {
      for (int i = 0; i < 10; i++) {
        // Happy, unhappy and friendless Foos: each gets a friend index entry (if named) and Event
        // counts.
        createFoo("foo-" + i, i % 2 == 0 ? "jack" : "nobody-" + i);
      }
      Foo friendless = Foo.of(NS, "friendless", "x");
      friendless.setSpec(null);
      client.resource(friendless).create();
      for (int i = 0; i < 10; i++) {
        awaitHappy("foo-" + i, i % 2 == 0);
      }
      awaitHappy("friendless", false);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(remembered()).containsExactly(10.0, 11.0));

      client.resources(Foo.class).inNamespace(NS).delete();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(remembered()).containsExactly(0.0, 0.0));
    }
  }

  @Test
  void whenAFooIsDeletedAndCreatedAgainUnderItsName_theNewOneIsReconciledAndRecordsItsOwnEvent() {
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);
    client.resources(Foo.class).inNamespace(NS).withName("foo-01").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> foo("foo-01") == null);

    createPod(NS, "jack");
    createFoo("foo-01", "jack");

    Foo again = awaitHappy("foo-01", true);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().inNamespace(NS).list().getItems())
                    .filteredOn(
                        e -> again.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getReason()).isEqualTo("FriendFound")));
  }

  @Test
  void whenNothingChanged_noStatusIsWritten() throws Exception {
    createPod(NS, "jack");
    createFoo("foo-01", "jack");
    Foo settled = awaitHappy("foo-01", true);
    String version = settled.getMetadata().getResourceVersion();
    String since =
        settled.getStatus().condition(FooCondition.HAPPY).orElseThrow().getLastTransitionTime();

    // Verdict-neutral churn on the friend pod, then a restart of the operator over a correct
    // cluster.
    client
        .pods()
        .inNamespace(NS)
        .withName("jack")
        .edit(
            p -> {
              p.getMetadata().setLabels(Map.of("churn", "1"));
              return p;
            });
    operator.close();
    operator = cluster.startOperator();
    // Once the restarted operator has reconciled the one Foo, nothing may be written over a window
    // a late write would fall in (a marker Foo reconciled says nothing of others still queued).
    await()
        .ignoreExceptions() // the SDK's series exists after the first reconcile
        .atMost(Duration.ofSeconds(10))
        .until(() -> metric(operator, "operator_sdk_reconciliations_success_total") >= 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(metric(operator, "foo_status_patches_total")).isZero();
              Foo after = foo("foo-01");
              assertThat(after.getMetadata().getResourceVersion()).isEqualTo(version);
              assertThat(
                      after
                          .getStatus()
                          .condition(FooCondition.HAPPY)
                          .orElseThrow()
                          .getLastTransitionTime())
                  .isEqualTo(since);
            });
  }

  @Test
  void onceStarted_probesAnswerAndMetricsIncludeTheSdkReconcileCounters() throws Exception {
    createFoo("foo-01", "jack");
    awaitHappy("foo-01", false);

    assertThat(get(operator.healthPort(), "/healthz").statusCode()).isEqualTo(200);
    var ready = get(operator.healthPort(), "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ok\n");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(metric(operator, "operator_sdk_reconciliations_success_total"))
                  .isGreaterThanOrEqualTo(1.0);
              assertThat(metric(operator, "foo_events_recorded_total")).isEqualTo(1.0);
            });
    String exposition = get(operator.metricsPort(), "/metrics").body();
    assertThat(exposition).contains("jvm_memory_used_bytes");
    // The documented labels: Events by type; the SDK's series carry no per-resource labels, so the
    // number of series stays flat however many Foos there are.
    assertThat(exposition)
        .contains("foo_events_recorded_total{type=\"Normal\"}")
        .contains("foo_events_recorded_total{type=\"Warning\"}");
    assertThat(exposition.lines().filter(l -> l.startsWith("operator_sdk_")))
        .isNotEmpty()
        .noneMatch(l -> l.contains("foo-01") || l.contains(NS));
  }

  @Test
  void theInformersListFoosAndPodsInPages() throws Exception {
    // Every request the operator made while starting, the informers' first lists among them.
    List<String> lists = new java.util.ArrayList<>();
    for (var r = cluster.server().takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        r != null;
        r = cluster.server().takeRequest(1, java.util.concurrent.TimeUnit.SECONDS)) {
      if ("GET".equals(r.getMethod()) && !r.getPath().contains("watch=true")) {
        lists.add(r.getPath());
      }
    }

    assertThat(lists)
        .filteredOn(path -> path.startsWith("/api/v1/pods?"))
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).contains("limit=500"));
    assertThat(lists)
        .filteredOn(path -> path.startsWith("/apis/tutorial.my.domain/v1/foos?"))
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).contains("limit=500"));
  }

  private void createFoo(String name, String friend) {
    client.resource(Foo.of(NS, name, friend)).create();
  }

  private void createPod(String namespace, String name, String... finalizers) {
    cluster.createPod(namespace, name, finalizers);
  }

  private Foo foo(String name) {
    return cluster.foo(NS, name);
  }

  private Foo awaitHappy(String name, boolean happy) {
    return cluster.awaitHappy(NS, name, happy);
  }

  /**
   * What the reconciler keeps, as {@code /metrics} says: Foos in the friend index, Foos with an
   * Event count.
   */
  private double[] remembered() throws Exception {
    return new double[] {
      metric(operator, "foo_reconciler_remembered_foos", "kind=\"friend-index\""),
      metric(operator, "foo_reconciler_remembered_foos", "kind=\"event-counts\"")
    };
  }

  /** Waits until the Event of foo-01 for {@code reason} exists with {@code count}. */
  private void awaitEvent(String reason, int count) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().inNamespace(NS).list().getItems())
                    .filteredOn(e -> reason.equals(e.getReason()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getCount()).isEqualTo(count)));
  }
}
