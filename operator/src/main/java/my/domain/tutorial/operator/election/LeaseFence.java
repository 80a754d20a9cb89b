package my.domain.tutorial.operator.election;

import java.time.Duration;
import java.util.function.LongSupplier;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate every status write and Event of the operator passes: open only while this replica is the
 * confirmed leader ({@link #arm armed}) and its last confirmed renewal is younger than the renew
 * deadline ({@link FencingWindow}). It does not wait for the elector to notice a lost Lease: the
 * window closes on its own when renewals stop being confirmed. A write it refuses is counted and
 * never sent.
 */
public final class LeaseFence {
  private static final Logger log = LoggerFactory.getLogger(LeaseFence.class);

  private final Duration renewDeadline;
  private final LongSupplier nanoClock;
  private final OperatorMetrics meters;
  private final boolean always;
  private volatile long confirmedSentAt = FencingWindow.NEVER;
  private volatile boolean armed;

  private LeaseFence(
      Duration renewDeadline, LongSupplier nanoClock, OperatorMetrics meters, boolean always) {
    this.renewDeadline = renewDeadline;
    this.nanoClock = nanoClock;
    this.meters = meters;
    this.always = always;
  }

  /** A fence for one replica among several, closed until it is armed and a renewal confirmed. */
  public static LeaseFence forLease(
      Duration renewDeadline, LongSupplier nanoClock, OperatorMetrics meters) {
    return new LeaseFence(renewDeadline, nanoClock, meters, false);
  }

  /** The fence of an operator without leader election: the only replica, always open. */
  public static LeaseFence alwaysOpen(OperatorMetrics meters) {
    return new LeaseFence(Duration.ZERO, System::nanoTime, meters, true);
  }

  /** The API server confirmed a renewal (or acquisition) of the Lease sent at {@code sentAt}. */
  void confirmed(long sentAtNanos) {
    long previous = confirmedSentAt;
    if (previous == FencingWindow.NEVER || sentAtNanos - previous > 0) {
      confirmedSentAt = sentAtNanos;
    }
  }

  /** This replica read the Lease back naming it: from now on, confirmed renewals open the fence. */
  void arm() {
    armed = true;
  }

  /** This replica stepped down (or is stopping): closed until armed again. */
  void disarm() {
    armed = false;
    confirmedSentAt = FencingWindow.NEVER;
  }

  /** Whether a renewal confirmed within the renew deadline is on record, armed or not. */
  boolean renewedRecently() {
    return always || FencingWindow.open(confirmedSentAt, nanoClock.getAsLong(), renewDeadline);
  }

  public boolean isOpen() {
    return always || (armed && renewedRecently());
  }

  /**
   * Whether the caller may send this write now; if not, it is counted as fenced and logged, and the
   * caller must drop it.
   */
  public boolean admit(String kind, String namespace, String name) {
    if (isOpen()) {
      return true;
    }
    meters.writeFenced(kind);
    log.warn(
        "{}/{}: {} write dropped: this replica holds no Lease renewal younger than {} ms",
        namespace,
        name,
        kind,
        renewDeadline.toMillis());
    return false;
  }
}
