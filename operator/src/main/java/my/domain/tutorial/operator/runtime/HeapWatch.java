package my.domain.tutorial.operator.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Warns well before the heap is exhausted: the JVM tells it when the old generation is still more
 * than a given share full right after a collection (a {@link MemoryPoolMXBean} collection-usage
 * threshold), which is the live data and not garbage; the warning says what is cached and which
 * setting to raise. Without it an operator whose cluster outgrew its memory limit shows only as a
 * GC death spiral and then an {@code OutOfMemoryError}.
 */
public final class HeapWatch implements AutoCloseable {
  /** Warn when the old generation is more than this share full after a collection. */
  public static final double DEFAULT_SHARE = 0.75;

  /** How often the native executable's watch looks for a new full collection. */
  static final Duration POLL = Duration.ofSeconds(2);

  private final Runnable stop;

  private HeapWatch(Runnable stop) {
    this.stop = stop;
  }

  /**
   * Watches the old generation of this JVM's heap; {@code warn} gets one line each time its usage
   * after a collection crosses {@code share} of its maximum, naming what {@code cached} says is in
   * the caches. A native image offers no such threshold: there the heap as a whole is read after
   * each full collection ({@link #POLL}), which with its small young generation is the live data
   * near enough. Empty where neither is available.
   */
  public static Optional<HeapWatch> start(
      double share, Supplier<String> cached, Consumer<String> warn) {
    Optional<MemoryPoolMXBean> old = oldGeneration();
    if (old.isPresent()) {
      return Optional.of(notified(old.get(), share, cached, warn));
    }
    return fullCollector().map(gc -> polled(gc, share, cached, warn));
  }

  private static HeapWatch notified(
      MemoryPoolMXBean pool, double share, Supplier<String> cached, Consumer<String> warn) {
    long max = pool.getUsage().getMax();
    pool.setCollectionUsageThreshold((long) (max * share));
    NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    NotificationListener listener =
        (Notification n, Object handback) -> {
          if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
            return;
          }
          MemoryNotificationInfo info =
              MemoryNotificationInfo.from((CompositeData) n.getUserData());
          if (info.getPoolName().equals(pool.getName())) {
            warn.accept(message(info.getPoolName(), info.getUsage(), share, cached.get()));
          }
        };
    emitter.addNotificationListener(listener, null, null);
    return new HeapWatch(
        () -> {
          pool.setCollectionUsageThreshold(0); // 0 turns the threshold off
          try {
            emitter.removeNotificationListener(listener);
          } catch (ListenerNotFoundException e) {
            // already gone
          }
        });
  }

  private static HeapWatch polled(
      GarbageCollectorMXBean full, double share, Supplier<String> cached, Consumer<String> warn) {
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("heap-watch"));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AfterFullCollection check = new AfterFullCollection(share);
    poller.scheduleWithFixedDelay(
        () ->
            check
                .crossed(full.getCollectionCount(), memory.getHeapMemoryUsage())
                .ifPresent(heap -> warn.accept(message("heap", heap, share, cached.get()))),
        POLL.toMillis(),
        POLL.toMillis(),
        TimeUnit.MILLISECONDS);
    return new HeapWatch(poller::shutdownNow);
  }

  /**
   * The polled watch's decision: after a full collection not seen before, the heap's usage when it
   * crosses {@code share} of the maximum from below (one warning per crossing, as the JVM's
   * threshold notifications do).
   */
  static final class AfterFullCollection {
    private final double share;
    private long collections;
    private boolean above;

    AfterFullCollection(double share) {
      this.share = share;
    }

    Optional<MemoryUsage> crossed(long fullCollections, MemoryUsage heap) {
      if (fullCollections == collections || heap.getMax() <= 0) {
        return Optional.empty();
      }
      collections = fullCollections;
      boolean wasAbove = above;
      above = heap.getUsed() > share * heap.getMax();
      return above && !wasAbove ? Optional.of(heap) : Optional.empty();
    }
  }

  /**
   * The collector that collects the whole heap: Serial's old one, or SubstrateVM's complete one.
   */
  static Optional<GarbageCollectorMXBean> fullCollector() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(
            gc -> {
              String name = gc.getName().toLowerCase(Locale.ROOT);
              return name.contains("complete")
                  || name.contains("marksweep")
                  || name.contains("old");
            })
        .findFirst();
  }

  /** The heap pool that holds long-lived data and reports its usage after a collection. */
  static Optional<MemoryPoolMXBean> oldGeneration() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .filter(MemoryPoolMXBean::isCollectionUsageThresholdSupported)
        .filter(p -> p.getUsage().getMax() > 0)
        .filter(
            p -> {
              String name = p.getName().toLowerCase(Locale.ROOT);
              return name.contains("old") || name.contains("tenured");
            })
        .findFirst();
  }

  /** The warning: how full, what is cached, and what to raise. */
  static String message(String pool, MemoryUsage usage, double share, String cached) {
    return String.format(
        Locale.ROOT,
        "heap nearly full: %s holds %.0f of %.0f MiB (%.0f%%, warning above %.0f%%) right after a"
            + " garbage collection, with %s cached; raise the operator's memory limit (the"
            + " Deployment's resources.limits.memory; the heap is a fixed share of it, see"
            + " docs/footprint.md for the memory per Foo and per Pod) before it runs out of memory",
        pool,
        usage.getUsed() / 1048576.0,
        usage.getMax() / 1048576.0,
        100.0 * usage.getUsed() / usage.getMax(),
        100 * share,
        cached);
  }

  @Override
  public void close() {
    stop.run();
  }
}
