package my.domain.tutorial.operator.reconciler;

import io.javaoperatorsdk.operator.processing.event.rate.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * No limit on how often a Foo is reconciled, as the SDK's default rate limiter (a {@code
 * LinearRateLimiter} with no limit set) does, but without its per-resource state: the default gives
 * every Foo a {@code RateState} with its own {@code LocalDateTime} (about 100 bytes) that it never
 * reads while the limit is off. One state object serves every Foo here.
 */
public final class NoRateLimit implements RateLimiter<NoRateLimit.State> {
  /** The one state: there is nothing to count. */
  public enum State implements RateLimitState {
    NONE
  }

  @Override
  public Optional<Duration> isLimited(RateLimitState state) {
    return Optional.empty();
  }

  @Override
  public State initState() {
    return State.NONE;
  }
}
