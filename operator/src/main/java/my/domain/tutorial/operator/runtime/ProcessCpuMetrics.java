package my.domain.tutorial.operator.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * The native executable's CPU meters, under the names Micrometer's {@code ProcessorMetrics} uses on
 * the JVM ({@code process.cpu.time} in ns, {@code system.cpu.count}) so dashboards work with either
 * build. {@code ProcessorMetrics} reads the JDK's operating-system MXBean, whose natives the image
 * replaces with "not available" ({@code
 * nativesupport.Target_com_sun_management_internal_OperatingSystemImpl}), so it stays out of the
 * image ({@link NativeImageCode}); the process's CPU time comes from {@link ProcessHandle}, which
 * reads it from the operating system.
 */
final class ProcessCpuMetrics implements MeterBinder {
  @Override
  public void bindTo(MeterRegistry registry) {
    Runtime runtime = Runtime.getRuntime();
    Gauge.builder("system.cpu.count", runtime, Runtime::availableProcessors)
        .description("The number of processors available to the process")
        .register(registry);
    FunctionCounter.builder(
            "process.cpu.time", ProcessHandle.current(), ProcessCpuMetrics::cpuNanos)
        .description("The CPU time used by the process")
        .baseUnit("ns")
        .register(registry);
  }

  static double cpuNanos(ProcessHandle process) {
    return process
        .info()
        .totalCpuDuration()
        .map(Duration::toNanos)
        .map(Long::doubleValue)
        .orElse(Double.NaN);
  }
}
