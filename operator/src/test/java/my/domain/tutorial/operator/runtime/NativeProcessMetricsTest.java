package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The meters the native executable binds in place of the JVM-only ones ({@link NativeImageCode}):
 * the same names as Micrometer's, with real values. They read only what a native image has, so they
 * are checked here on the JVM; the native tier runs them in the image.
 */
class NativeProcessMetricsTest {
  @Test
  void processCpuTime_isTheProcessesCpuTimeInNanoseconds_underProcessorMetricsNames() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new ProcessCpuMetrics().bindTo(registry);

    double cpu = registry.get("process.cpu.time").functionCounter().count();
    assertThat(cpu).as("a JVM that ran a test has used CPU").isGreaterThan(1e6);
    assertThat(registry.get("process.cpu.time").functionCounter().getId().getBaseUnit())
        .isEqualTo("ns");
    assertThat(registry.get("system.cpu.count").gauge().value())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void gcCounts_followEachCollector() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new GcCountMetrics().bindTo(registry);
    var collectors = ManagementFactory.getGarbageCollectorMXBeans();
    assertThat(registry.get("jvm.gc.collections").functionCounters()).hasSize(collectors.size());

    double before = total(registry);
    System.gc();
    assertThat(total(registry)).as("collections after System.gc()").isGreaterThan(before);
  }

  private static double total(SimpleMeterRegistry registry) {
    return registry.get("jvm.gc.collections").functionCounters().stream()
        .mapToDouble(FunctionCounter::count)
        .sum();
  }
}
