package my.domain.tutorial.operator.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaderElectionTimeoutTest {
  @Test
  void asShipped_oneElectorCallMayTakeTheRetryPeriod() {
    assertThat(LeaderElection.requestTimeout(Duration.ofSeconds(10), Duration.ofSeconds(2)))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aShortRetryPeriod_stillLeavesTheCallASecond() {
    assertThat(LeaderElection.requestTimeout(Duration.ofSeconds(3), Duration.ofMillis(500)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void neverMoreThanAThirdOfTheRenewDeadline_soAHungRenewalLeavesTimeToRetry() {
    assertThat(LeaderElection.requestTimeout(Duration.ofMillis(1500), Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMillis(500));
  }
}
