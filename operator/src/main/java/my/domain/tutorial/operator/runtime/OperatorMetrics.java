package my.domain.tutorial.operator.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The operator's own meters beside the SDK's reconcile metrics: how many API writes it made, so
 * "one status patch and one Event per transition" can be watched on a live cluster.
 */
public final class OperatorMetrics {
  private final Counter statusPatches;
  private final Counter eventsNormal;
  private final Counter eventsWarning;

  public OperatorMetrics(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    statusPatches =
        Counter.builder("foo.status.patches")
            .description("Foo status patches sent to the API server")
            .register(registry);
    eventsNormal =
        Counter.builder("foo.events.recorded")
            .tag("type", "Normal")
            .description("Kubernetes Events recorded for Foo transitions")
            .register(registry);
    eventsWarning =
        Counter.builder("foo.events.recorded")
            .tag("type", "Warning")
            .description("Kubernetes Events recorded for Foo transitions")
            .register(registry);
  }

  public void statusPatched() {
    statusPatches.increment();
  }

  public void eventRecorded(boolean happy) {
    (happy ? eventsNormal : eventsWarning).increment();
  }
}
