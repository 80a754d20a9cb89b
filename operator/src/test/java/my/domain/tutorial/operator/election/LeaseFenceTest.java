package my.domain.tutorial.operator.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import org.junit.jupiter.api.Test;

class LeaseFenceTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(100 * SECOND);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LeaseFence fence =
      LeaseFence.forLease(Duration.ofSeconds(3), now::get, new OperatorMetrics(registry));

  @Test
  void aConfirmedRenewal_opensTheFenceOnlyOnceArmed() {
    fence.confirmed(now.get());
    assertThat(fence.isOpen()).isFalse();
    fence.arm();
    assertThat(fence.isOpen()).isTrue();
  }

  @Test
  void whenRenewalsStopBeingConfirmed_theFenceClosesAtTheRenewDeadline_withoutAnyCallback() {
    fence.arm();
    fence.confirmed(now.get());
    now.addAndGet(3 * SECOND - 1);
    assertThat(fence.isOpen()).isTrue();
    now.incrementAndGet();
    assertThat(fence.isOpen()).isFalse();
  }

  @Test
  void theDeadlineCountsFromWhenTheRenewalWasSent_notFromWhenItWasConfirmed() {
    fence.arm();
    long sent = now.get();
    now.addAndGet(2 * SECOND); // the API server took two seconds to answer
    fence.confirmed(sent);
    now.addAndGet(SECOND);
    assertThat(fence.isOpen()).isFalse();
  }

  @Test
  void anOlderConfirmationArrivingLate_doesNotMoveTheWindowBack() {
    fence.arm();
    fence.confirmed(now.get());
    fence.confirmed(now.get() - 2 * SECOND);
    now.addAndGet(2 * SECOND);
    assertThat(fence.isOpen()).isTrue();
  }

  @Test
  void disarming_closesTheFence_andForgetsTheRenewal() {
    fence.arm();
    fence.confirmed(now.get());
    fence.disarm();
    fence.arm();
    assertThat(fence.isOpen()).isFalse();
  }

  @Test
  void aWriteOutsideTheWindow_isRefusedAndCountedByKind() {
    assertThat(fence.admit("status", "ns", "foo-01")).isFalse();
    assertThat(fence.admit("event", "ns", "foo-01")).isFalse();
    assertThat(fence.admit("event", "ns", "foo-02")).isFalse();
    fence.arm();
    fence.confirmed(now.get());
    assertThat(fence.admit("status", "ns", "foo-01")).isTrue();

    assertThat(registry.get("foo.writes.fenced").tag("kind", "status").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("foo.writes.fenced").tag("kind", "event").counter().count())
        .isEqualTo(2.0);
  }

  @Test
  void withoutLeaderElection_theFenceIsAlwaysOpen() {
    LeaseFence single = LeaseFence.alwaysOpen(new OperatorMetrics(new SimpleMeterRegistry()));
    assertThat(single.admit("status", "ns", "foo-01")).isTrue();
  }
}
