package my.domain.tutorial.operator.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.function.Supplier;

/**
 * The operator's own meters beside the SDK's reconcile metrics: how many API writes it made, so
 * "one status patch and one Event per transition" can be watched on a live cluster.
 */
public final class OperatorMetrics {
  private final Counter statusPatches;
  private final Counter eventsNormal;
  private final Counter eventsWarning;
  private final Counter eventsFailed;
  private final Counter fencedStatus;
  private final Counter fencedEvents;
  private final Counter friendReads;
  private final MeterRegistry registry;

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    if (NativeImageCode.ACTIVE) {
      new GcCountMetrics().bindTo(registry);
      new ProcessCpuMetrics().bindTo(registry);
    } else {
      new JvmGcMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
    }
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
    // A failed Event write never fails the reconcile, so without this it would show only in a log.
    eventsFailed =
        Counter.builder("foo.events.failed")
            .description("Kubernetes Events the API server refused or that could not be sent")
            .register(registry);
    // The Pod cache keeps friends only; a Pod that becomes a friend after its events went by is
    // read once. Steady Foos read nothing, so a rate here is Foos naming new, existing Pods.
    friendReads =
        Counter.builder("foo.friend.reads")
            .description(
                "Friend Pods read from the API server because the cache knew nothing of them yet")
            .register(registry);
    fencedStatus = fenced(registry, "status");
    fencedEvents = fenced(registry, "event");
  }

  private static Counter fenced(MeterRegistry registry, String kind) {
    return Counter.builder("foo.writes.fenced")
        .tag("kind", kind)
        .description(
            "Writes dropped unsent because this replica held no Lease renewal younger than the"
                + " renew deadline")
        .register(registry);
  }

  /**
   * {@code foo_operator_cached_objects{kind}}: how many objects of {@code kind} the informer caches
   * hold now ({@code count} is asked at each scrape), what the operator's memory follows.
   */
  public void cachedObjects(String kind, Supplier<Number> count) {
    Gauge.builder("foo.operator.cached.objects", count)
        .tag("kind", kind)
        .description(
            "Objects the operator's informer caches hold (0 on a standby replica); its heap grows"
                + " with them (docs/footprint.md)")
        .register(registry);
  }

  /** A status write ({@code kind} "status") or an Event ("event") the Lease fence dropped. */
  public void writeFenced(String kind) {
    ("status".equals(kind) ? fencedStatus : fencedEvents).increment();
  }

  public void friendRead() {
    friendReads.increment();
  }

  public void statusPatched() {
    statusPatches.increment();
  }

  public void eventRecorded(boolean happy) {
    (happy ? eventsNormal : eventsWarning).increment();
  }

  public void eventFailed() {
    eventsFailed.increment();
  }
}
