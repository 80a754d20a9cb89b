package my.domain.tutorial.operator.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The native executable's GC meters: per collector ({@code gc}: "young generation scavenger",
 * "complete scavenger"), {@code jvm_gc_collections_total} and {@code
 * jvm_gc_collection_time_seconds_total}, read at each scrape. Micrometer's {@code JvmGcMetrics}
 * counts pauses from the GC notifications a JVM sends; a native image sends none (it logs a warning
 * and counts nothing), so the image binds these instead ({@link NativeImageCode}).
 */
final class GcCountMetrics implements MeterBinder {
  @Override
  public void bindTo(MeterRegistry registry) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      FunctionCounter.builder("jvm.gc.collections", gc, GarbageCollectorMXBean::getCollectionCount)
          .tag("gc", gc.getName())
          .description("Collections this collector has run")
          .register(registry);
      FunctionCounter.builder("jvm.gc.collection.time", gc, g -> g.getCollectionTime() / 1000.0)
          .tag("gc", gc.getName())
          .baseUnit("seconds")
          .description("Time this collector has spent collecting")
          .register(registry);
    }
  }
}
