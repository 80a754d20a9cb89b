package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;

/**
 * Status-time helpers the e2e tests share; reads and waits of a Foo are test-support's {@code
 * FooWaits}.
 */
final class Fixtures {
  private Fixtures() {}

  /** The Happy condition's lastTransitionTime. */
  static Instant transitionTime(Foo foo) {
    return Instant.parse(
        foo.getStatus().condition(FooCondition.HAPPY).orElseThrow().getLastTransitionTime());
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
