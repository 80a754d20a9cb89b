package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import my.domain.tutorial.api.v1.Foo;

/** Small builders and waits the ITs share. */
final class Fixtures {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private Fixtures() {}

  static Foo foo(KubernetesClient client, String namespace, String name) {
    return client.resources(Foo.class).inNamespace(namespace).withName(name).get();
  }

  static Foo awaitHappy(KubernetesClient client, String namespace, String name, boolean happy) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }

  static Foo awaitReason(KubernetesClient client, String namespace, String name, String reason) {
    return awaitReason(client, namespace, name, reason, PATIENCE);
  }

  static Foo awaitReason(
      KubernetesClient client, String namespace, String name, String reason, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && f.getStatus()
                        .condition("Happy")
                        .map(c -> reason.equals(c.getReason()))
                        .orElse(false));
  }

  /** The Happy condition's lastTransitionTime. */
  static Instant transitionTime(Foo foo) {
    return Instant.parse(foo.getStatus().condition("Happy").orElseThrow().getLastTransitionTime());
  }

  /**
   * Asserts the Happy condition moved between two instants read around the action that caused it.
   * The operator writes the time truncated to the second, so the lower bound is too.
   */
  static void assertTransitionedBetween(Foo foo, Instant before, Instant after) {
    assertThat(transitionTime(foo))
        .as("lastTransitionTime of " + foo.getMetadata().getName())
        .isBetween(before.truncatedTo(ChronoUnit.SECONDS), after);
  }

  /** Waits until the wall clock is in a later whole second than {@code time}. */
  static void awaitNextSecond(Instant time) {
    Instant next = time.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !Instant.now().isBefore(next));
  }
}
