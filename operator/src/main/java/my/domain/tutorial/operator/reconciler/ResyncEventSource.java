package my.domain.tutorial.operator.reconciler;

import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.runtime.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic safety net under the events: once a period, every Foo in the cache is queued for a
 * reconcile, as client-go's informer resync does. One task for all Foos, where the SDK's maximum
 * reconciliation interval keeps a timer task per Foo (with its id and a map entry), cancelled and
 * made anew after each reconcile, the cancelled ones waiting in the timer's queue until their time
 * would have come: on a large cluster that is a real share of what each Foo costs.
 */
final class ResyncEventSource extends AbstractEventSource<Void, Foo> {
  static final String NAME = "resync";
  private static final Logger log = LoggerFactory.getLogger(ResyncEventSource.class);

  private final Cache<Foo> foos;
  private final Duration period;
  private final AtomicInteger sweeps = new AtomicInteger();
  private ScheduledExecutorService timer;

  /**
   * @param foos the controller's cache of Foos, whose every Foo each sweep queues
   * @param period time between two sweeps
   */
  ResyncEventSource(Cache<Foo> foos, Duration period) {
    super(Void.class, NAME);
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a resync period must be positive, got " + period);
    }
    this.foos = foos;
    this.period = period;
  }

  @Override
  public synchronized void start() throws OperatorException {
    timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("foo-resync"));
    long millis = period.toMillis();
    timer.scheduleAtFixedRate(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    super.start();
  }

  @Override
  public synchronized void stop() throws OperatorException {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    super.stop();
  }

  /**
   * Queues a reconcile of every cached Foo; a failure is logged and the next period tries again.
   */
  void sweep() {
    try {
      int[] queued = {0};
      foos.keys()
          .forEach(
              id -> {
                getEventHandler().handleEvent(new Event(id));
                queued[0]++;
              });
      int n = sweeps.incrementAndGet();
      log.debug("resync {}: queued a reconcile of each of {} Foos", n, queued[0]);
    } catch (RuntimeException e) {
      log.warn(
          "resync: could not queue the cached Foos, trying again in {}: {}", period, e.toString());
    }
  }

  /** How many sweeps have run. */
  int sweeps() {
    return sweeps.get();
  }

  @Override
  public Set<Void> getSecondaryResources(Foo primary) {
    return Set.of();
  }
}
