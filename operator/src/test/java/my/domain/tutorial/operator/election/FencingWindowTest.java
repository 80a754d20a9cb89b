package my.domain.tutorial.operator.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FencingWindowTest {
  private static final Duration RENEW = Duration.ofSeconds(3);
  private static final long SECOND = 1_000_000_000L;

  @Test
  void withoutAConfirmedRenewal_theWindowIsClosed() {
    assertThat(FencingWindow.open(FencingWindow.NEVER, 42, RENEW)).isFalse();
  }

  @Test
  void justBeforeTheRenewDeadline_theWindowIsOpen() {
    assertThat(FencingWindow.open(10 * SECOND, 13 * SECOND - 1, RENEW)).isTrue();
  }

  @Test
  void atTheRenewDeadline_theWindowIsClosed() {
    assertThat(FencingWindow.open(10 * SECOND, 13 * SECOND, RENEW)).isFalse();
  }

  @Test
  void acrossTheOverflowOfNanoTime_onlyTheDifferenceCounts() {
    long sent = Long.MAX_VALUE - SECOND;
    assertThat(FencingWindow.open(sent, sent + 2 * SECOND, RENEW)).isTrue();
    assertThat(FencingWindow.open(sent, sent + 4 * SECOND, RENEW)).isFalse();
  }

  @Test
  void aRenewalStampedAfterNow_doesNotOpenTheWindow() {
    assertThat(FencingWindow.open(10 * SECOND, 9 * SECOND, RENEW)).isFalse();
  }
}
