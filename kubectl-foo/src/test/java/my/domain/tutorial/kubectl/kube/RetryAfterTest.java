package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failed answers are sent again, and after how long (client-go's checkWait). */
class RetryAfterTest {
  @Test
  void a429Or5xxWithRetryAfterSeconds_isRetriedAfterThem() {
    assertThat(RetryAfter.delay(429, "1")).contains(Duration.ofSeconds(1));
    assertThat(RetryAfter.delay(503, "2")).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.delay(429, "0")).contains(Duration.ZERO);
  }

  @Test
  void withoutAUsableRetryAfter_orForOtherCodes_itIsNotRetried() {
    assertThat(RetryAfter.delay(429, null)).isEmpty();
    assertThat(RetryAfter.delay(429, "Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    assertThat(RetryAfter.delay(404, "1")).isEmpty();
    assertThat(RetryAfter.delay(401, "1")).isEmpty();
  }

  @Test
  void aVeryLongRetryAfter_isBounded() {
    assertThat(RetryAfter.delay(429, "3600")).contains(RetryAfter.LONGEST_WAIT);
  }
}
