package my.domain.tutorial.operator.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Optional;
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

  private final MemoryPoolMXBean pool;
  private final NotificationEmitter emitter;
  private final NotificationListener listener;

  private HeapWatch(
      MemoryPoolMXBean pool, NotificationEmitter emitter, NotificationListener listener) {
    this.pool = pool;
    this.emitter = emitter;
    this.listener = listener;
  }

  /**
   * Watches the old generation of this JVM's heap; {@code warn} gets one line each time its usage
   * after a collection crosses {@code share} of its maximum, naming what {@code cached} says is in
   * the caches. Empty where the JVM offers no such threshold (say a GC without a bounded old
   * generation).
   */
  public static Optional<HeapWatch> start(
      double share, Supplier<String> cached, Consumer<String> warn) {
    Optional<MemoryPoolMXBean> old = oldGeneration();
    if (old.isEmpty()) {
      return Optional.empty();
    }
    MemoryPoolMXBean pool = old.get();
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
    return Optional.of(new HeapWatch(pool, emitter, listener));
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
            + " Deployment's resources.limits.memory; the heap is MaxRAMPercentage of it, see"
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
    pool.setCollectionUsageThreshold(0); // 0 turns the threshold off
    try {
      emitter.removeNotificationListener(listener);
    } catch (ListenerNotFoundException e) {
      // already gone
    }
  }
}
