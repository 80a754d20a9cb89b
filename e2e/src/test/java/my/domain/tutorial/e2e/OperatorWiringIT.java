package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.FooWaits.awaitHappy;
import static my.domain.tutorial.testsupport.FooWaits.awaitReason;
import static my.domain.tutorial.testsupport.FooWaits.foo;
import static my.domain.tutorial.testsupport.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.PrometheusText;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the operator's wiring adds on top of the functions the unit tests call, checked on the
 * running operator: the periodic resync, the Pod update filter and the slim Foo and Pod caches
 * (read from the caches' TRACE log, {@link CacheLog}). Each test fails with its piece of wiring
 * removed from {@code ReconcilingTerm} or {@code FooReconciler}.
 */
@ExtendWith(ControlPlaneExtension.class)
class OperatorWiringIT {
  /** A window any reconcile owed would fall in (a resync of 1 s fits in it twice). */
  private static final Duration WINDOW = Duration.ofSeconds(3);

  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
  }

  @Test
  void withAResyncOfOneSecond_aStatusTamperedThroughTheStatusSubresourceIsRepaired() {
    try (OperatorUnderTest operator = start("1s")) {
      settledUnhappyFoo();

      tamper();

      // A status write changes no generation, so no Foo event wakes the reconciler: only the
      // periodic check can put the verdict back.
      awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
    }
  }

  @Test
  void withTheResyncOff_aStatusTamperedThroughTheStatusSubresourceStays() {
    try (OperatorUnderTest operator = start("0")) {
      settledUnhappyFoo();

      tamper();

      await()
          .during(WINDOW)
          .atMost(WINDOW.multipliedBy(3))
          .untilAsserted(
              () -> assertThat(foo(admin, ns.name(), "foo-01").getStatus().getHappy()).isTrue());
    }
  }

  @Test
  void whenAFriendPodIsRelabelled_noReconcileStarts() {
    try (CacheLog caches = new CacheLog();
        OperatorUnderTest operator = start("0")) {
      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      double settled = quietReconcileCount(operator);

      Pod relabelled =
          admin
              .pods()
              .inNamespace(ns.name())
              .withName("jack")
              .edit(
                  p -> {
                    p.getMetadata().setLabels(Map.of("churn", "1"));
                    return p;
                  });
      // The update has reached the operator once its cache holds that version: the filter has
      // had its say by then, and a reconcile it let through would start within the window.
      String version = relabelled.getMetadata().getResourceVersion();
      await()
          .atMost(FooWaits.PATIENCE)
          .until(
              () ->
                  caches
                      .cached(Pod.class, ns.name(), "jack")
                      .map(p -> version.equals(p.getMetadata().getResourceVersion()))
                      .orElse(false));
      await()
          .during(WINDOW)
          .atMost(WINDOW.multipliedBy(3))
          .untilAsserted(
              () ->
                  assertThat(operator.metric("operator_sdk_reconciliations_started_total"))
                      .isEqualTo(settled));
    }
  }

  @Test
  void theFooCacheHoldsNoManagedFields() {
    try (CacheLog caches = new CacheLog();
        OperatorUnderTest operator = start("0")) {
      settledUnhappyFoo();
      Foo stored = foo(admin, ns.name(), "foo-01");
      assertThat(stored.getMetadata().getManagedFields()).isNotEmpty();

      // The cache may briefly hold the operator's own status write as the API server answered it;
      // once the informer has caught up with that version it holds what the slim store kept.
      String version = stored.getMetadata().getResourceVersion();
      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(caches.cached(Foo.class, ns.name(), "foo-01"))
                      .hasValueSatisfying(
                          cached -> {
                            assertThat(cached.getMetadata().getResourceVersion())
                                .isEqualTo(version);
                            assertThat(cached.getMetadata().getManagedFields()).isEmpty();
                          }));
    }
  }

  @Test
  void thePodCacheHoldsNoSpecStatusOrManagedFields() {
    try (CacheLog caches = new CacheLog();
        OperatorUnderTest operator = start("0")) {
      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      Pod stored = admin.pods().inNamespace(ns.name()).withName("jack").get();
      assertThat(stored.getSpec()).isNotNull();
      assertThat(stored.getMetadata().getManagedFields()).isNotEmpty();

      assertThat(caches.cached(Pod.class, ns.name(), "jack"))
          .hasValueSatisfying(
              cached -> {
                assertThat(cached.getMetadata().getName()).isEqualTo("jack");
                assertThat(cached.getSpec()).isNull();
                assertThat(cached.getStatus()).isNull();
                assertThat(cached.getMetadata().getManagedFields()).isEmpty();
              });
    }
  }

  @Test
  void theInformersKeepNoNamespaceIndex_andFriendsAreStillFoundByName() {
    try (CacheLog caches = new CacheLog();
        OperatorUnderTest operator = start("0")) {
      admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);

      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(caches.indexesLeft("friend-pods")).hasValue("");
                assertThat(caches.indexesLeft("foo")).hasValue("");
              });
      // A friend that arrives after the index is gone is found as well.
      admin.resource(pod(ns.name(), "jill")).create();
      admin.resource(Foo.of(ns.name(), "foo-02", "jill")).create();
      awaitHappy(admin, ns.name(), "foo-02", true);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePodCacheHoldsOnlyIdentityAndDeletionMark_andTheCacheSizesAreExported() {
    try (CacheLog caches = new CacheLog();
        OperatorUnderTest operator = start("0")) {
      Pod jack =
          new PodBuilder(pod(ns.name(), "jack"))
              .editMetadata()
              .withLabels(Map.of("app", "jack"))
              .withAnnotations(Map.of("note", "x".repeat(500)))
              .withFinalizers("example.com/hold")
              .endMetadata()
              .build();
      admin.resource(jack).create();
      admin.resource(pod(ns.name(), "bystander")).create();
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      // A graceful delete held by the finalizer: the Pod stays, terminating.
      admin.pods().inNamespace(ns.name()).withName("jack").delete();
      awaitReason(admin, ns.name(), "foo-01", "FriendTerminating");
      Pod stored = admin.pods().inNamespace(ns.name()).withName("jack").get();

      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(caches.cached(Pod.class, ns.name(), "jack"))
                      .hasValueSatisfying(
                          cached -> {
                            Map<String, Object> json =
                                Serialization.unmarshal(Serialization.asJson(cached), Map.class);
                            assertThat(json).containsOnlyKeys("apiVersion", "kind", "metadata");
                            assertThat((Map<String, Object>) json.get("metadata"))
                                .containsOnlyKeys(
                                    "name",
                                    "namespace",
                                    "uid",
                                    "resourceVersion",
                                    "deletionTimestamp",
                                    "deletionGracePeriodSeconds",
                                    "finalizers");
                            ObjectMeta meta = cached.getMetadata();
                            assertThat(meta.getUid()).isEqualTo(stored.getMetadata().getUid());
                            assertThat(meta.getResourceVersion())
                                .isEqualTo(stored.getMetadata().getResourceVersion());
                            assertThat(meta.getDeletionTimestamp())
                                .isEqualTo(stored.getMetadata().getDeletionTimestamp());
                            assertThat(meta.getFinalizers()).containsExactly("example.com/hold");
                          }));
      // Only friends are cached: the bystander is not.
      assertThat(caches.cached(Pod.class, ns.name(), "bystander")).isEmpty();
      assertThat(
              PrometheusText.sum(operator.metrics(), "foo_operator_cached_objects", "kind=\"Pod\""))
          .isEqualTo(1);
      assertThat(
              PrometheusText.sum(operator.metrics(), "foo_operator_cached_objects", "kind=\"Foo\""))
          .isEqualTo(1);
    } finally {
      admin
          .pods()
          .inNamespace(ns.name())
          .withName("jack")
          .edit(p -> new PodBuilder(p).editMetadata().withFinalizers().endMetadata().build());
    }
  }

  /**
   * The Pod cache keeps friends only, so a Pod that was running before a Foo named it is read once
   * from the API server; from then on the informer follows it. A restart lists the cluster with
   * every Foo's friend already named, so it reads no Pod: neither the friends that run nor those
   * that do not.
   */
  @Test
  void aPodNamedAfterItStarted_isReadOnce_andARestartReadsNoPod() {
    admin.resource(pod(ns.name(), "jack")).create();
    try (OperatorUnderTest operator = start("0")) {
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      admin.resource(Foo.of(ns.name(), "foo-02", "nobody")).create();
      awaitReason(admin, ns.name(), "foo-02", "FriendNotFound");
      assertThat(operator.metric("foo_friend_reads_total")).isEqualTo(2);

      admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
      awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
      admin.resource(pod(ns.name(), "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(operator.metric("foo_friend_reads_total")).isEqualTo(2);
    }
    admin.pods().inNamespace(ns.name()).withName("jack").withGracePeriod(0).delete();
    admin.resource(pod(ns.name(), "nobody")).create();

    try (OperatorUnderTest operator = start("0")) {
      awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
      awaitHappy(admin, ns.name(), "foo-02", true);
      admin.resource(pod(ns.name(), "jack")).create();
      awaitHappy(admin, ns.name(), "foo-01", true);
      assertThat(operator.metric("foo_friend_reads_total")).isZero();
    }
  }

  /** The operator watching this test's namespace only (one informer, so slim caches are on). */
  private OperatorUnderTest start(String resync) {
    return OperatorUnderTest.start(
        cp,
        Map.of(
            OperatorSettings.WATCH_NAMESPACES, ns.name(), OperatorSettings.RESYNC_PERIOD, resync));
  }

  private void settledUnhappyFoo() {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
  }

  /** Writes a verdict no Pod supports straight through {@code /status}, as another writer could. */
  private void tamper() {
    Foo foo = foo(admin, ns.name(), "foo-01");
    FooStatus status = foo.getStatus();
    status.setHappy(true);
    FooCondition happy = status.condition(FooCondition.HAPPY).orElseThrow();
    happy.setStatus("True");
    happy.setReason("Tampered");
    foo.setStatus(status);
    assertThat(admin.resource(foo).updateStatus().getStatus().getHappy()).isTrue();
  }

  /** The reconcile count once it has stopped moving. */
  private static double quietReconcileCount(OperatorUnderTest operator) {
    double[] last = {operator.metric("operator_sdk_reconciliations_started_total")};
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WINDOW.multipliedBy(3))
        .until(
            () -> {
              double now = operator.metric("operator_sdk_reconciliations_started_total");
              boolean same = now == last[0];
              last[0] = now;
              return same;
            });
    return last[0];
  }
}
