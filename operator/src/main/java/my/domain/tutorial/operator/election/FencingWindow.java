package my.domain.tutorial.operator.election;

import java.time.Duration;

/**
 * Whether a replica may still act as leader, judged only from its own monotonic clock: from the
 * moment it sent the last renewal the API server confirmed, it may act for less than the renew
 * deadline. Another replica takes the Lease only once the lease duration has passed since that
 * renewal, by its own clock, so the two never act at once while the clocks drift apart by less than
 * lease duration minus renew deadline.
 */
public final class FencingWindow {
  /** No confirmed renewal at all. */
  public static final long NEVER = Long.MIN_VALUE;

  private FencingWindow() {}

  /**
   * @param confirmedSentAtNanos {@link System#nanoTime} when the last confirmed renewal was sent,
   *     or {@link #NEVER}
   * @param nowNanos {@link System#nanoTime} now
   */
  public static boolean open(long confirmedSentAtNanos, long nowNanos, Duration renewDeadline) {
    if (confirmedSentAtNanos == NEVER) {
      return false;
    }
    // Differences, not comparisons, of nanoTime values: they are only meaningful that way.
    long age = nowNanos - confirmedSentAtNanos;
    return age >= 0 && age < renewDeadline.toNanos();
  }
}
