package my.domain.tutorial.kubectl.why;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.kubectl.text.Ages;

/** Whether a leader Lease still holds: renewed less than its duration ago. */
final class LeaseExpiry {
  /** What a Lease without leaseDurationSeconds is taken to last: the operator's default. */
  static final int DEFAULT_SECONDS = (int) OperatorDefaults.LEASE_DURATION.toSeconds();

  private LeaseExpiry() {}

  /** How long {@code lease} is valid after each renewal. */
  static int validSeconds(Facts.LeaseInfo lease) {
    return lease.durationSeconds().orElse(DEFAULT_SECONDS);
  }

  /**
   * When the Lease was last renewed ("was last renewed 2m ago"), if that is longer ago than it is
   * valid.
   */
  static Optional<String> expired(Facts.LeaseInfo lease, Instant now) {
    if (lease.renewTime().isEmpty()) {
      return Optional.of("has never been renewed");
    }
    Duration since = Duration.between(lease.renewTime().get(), now);
    return since.compareTo(Duration.ofSeconds(validSeconds(lease))) > 0
        ? Optional.of("was last renewed " + Ages.human(since) + " ago")
        : Optional.empty();
  }
}
