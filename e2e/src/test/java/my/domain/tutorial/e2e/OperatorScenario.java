package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the operator does on the API server, step by step, each step checked from outside
 * (admin reads) and each given a few seconds: it takes and renews its Lease, writes a new Foo's
 * status, follows a friend Pod's creation and deletion, records an Event per transition and bumps
 * one that repeats, serves {@code /metrics} to an authorized client (reviewing its token and its
 * permission with the API server), and, restarted, continues an Event an earlier run recorded.
 * Every Event write must succeed ({@code foo_events_failed_total} stays 0). {@link #run} names the
 * first step that did not happen, so a permission the operator lacks shows as a step it cannot do.
 */
final class OperatorScenario {
  private static final Logger log = LoggerFactory.getLogger(OperatorScenario.class);

  /** Long enough for any step of a working operator; a step not done by then is not done. */
  private static final Duration STEP = Duration.ofSeconds(6);

  private final KubernetesClient admin;
  private final Supplier<OperatorUnderTest> starter;
  private final String namespace;
  private final String leaseName;

  /**
   * @param starter starts the operator watching {@code namespace} with {@link #settings}
   */
  OperatorScenario(
      KubernetesClient admin,
      Supplier<OperatorUnderTest> starter,
      String namespace,
      String leaseName) {
    this.admin = admin;
    this.starter = starter;
    this.namespace = namespace;
    this.leaseName = leaseName;
  }

  /**
   * Leader election on through {@code leaseName}, short timings, only {@code namespace}; {@code
   * /metrics} as shipped (HTTPS, each scrape's token reviewed by the API server).
   */
  static Map<String, String> settings(String namespace, String leaseName) {
    return Map.of(
        OperatorSettings.METRICS_SECURE, "true",
        OperatorSettings.WATCH_NAMESPACES, namespace,
        OperatorSettings.LEADER_ELECTION, "true",
        OperatorSettings.LEASE_NAME, leaseName,
        OperatorSettings.LEASE_DURATION, "4s",
        OperatorSettings.RENEW_DEADLINE, "3s",
        OperatorSettings.RETRY_PERIOD, "500ms",
        OperatorSettings.RESYNC_PERIOD, "0");
  }

  /** What stopped the scenario, or empty if every step happened. */
  Optional<String> run() {
    String step = "operator starts";
    OperatorUnderTest operator = null;
    try {
      operator = starter.get();
      OperatorUnderTest first = operator;
      step = "it holds the Lease";
      await().atMost(STEP).until(() -> first.leads() && holder().equals(first.identity()));
      step = "it renews the Lease";
      var renewed = renewTime();
      await().atMost(STEP).until(() -> !Objects.equals(renewTime(), renewed));
      step = "it writes a new Foo's status";
      admin.resource(Foo.of(namespace, "foo-01", "jack")).create();
      awaitReason("FriendNotFound");
      step = "it records an Event";
      awaitEvent("FriendNotFound", 1);
      step = "it sees a new friend Pod";
      admin.resource(pod(namespace, "jack")).create();
      awaitReason("FriendFound");
      awaitEvent("FriendFound", 1);
      step = "it counts a repeated Event up";
      admin.pods().inNamespace(namespace).withName("jack").withGracePeriod(0).delete();
      awaitReason("FriendNotFound");
      awaitEvent("FriendNotFound", 2);
      step = "an authorized client reads /metrics (its token and permission reviewed)";
      assertThat(first.metrics()).contains("foo_events_recorded_total");
      step = "no Event write failed";
      assertThat(first.metric("foo_events_failed_total")).isZero();
      operator.close();
      operator = null;

      step = "restarted, it takes the Lease over";
      operator = starter.get();
      OperatorUnderTest second = operator;
      await().atMost(STEP).until(() -> second.leads());
      step = "restarted, it continues an Event an earlier run recorded";
      admin.resource(pod(namespace, "jack")).create();
      awaitReason("FriendFound");
      awaitEvent("FriendFound", 2);
      step = "no Event write failed after the restart";
      assertThat(second.metric("foo_events_failed_total")).isZero();
      return Optional.empty();
    } catch (RuntimeException | AssertionError e) {
      log.info("scenario stopped at: {} ({})", step, e.toString());
      return Optional.of(step + ": " + e);
    } finally {
      if (operator != null) {
        operator.close();
      }
    }
  }

  private String holder() {
    Lease lease = lease();
    return lease == null ? "" : Objects.toString(lease.getSpec().getHolderIdentity(), "");
  }

  private Object renewTime() {
    Lease lease = lease();
    return lease == null ? null : lease.getSpec().getRenewTime();
  }

  private Lease lease() {
    return admin.leases().inNamespace(OperatorDefaults.NAMESPACE).withName(leaseName).get();
  }

  private void awaitReason(String reason) {
    FooWaits.awaitReason(admin, namespace, "foo-01", reason, STEP);
  }

  private void awaitEvent(String reason, int count) {
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                admin.v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(e -> "foo-01".equals(e.getInvolvedObject().getName()))
                    .filter(e -> reason.equals(e.getReason()))
                    .map(Event::getCount)
                    .anyMatch(c -> c != null && c == count));
  }
}
