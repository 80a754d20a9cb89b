package my.domain.tutorial.operator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToIntFunction;
import my.domain.tutorial.operator.reconciler.FooReconciler;

/**
 * What {@code /metrics} says of the current reconciling term, read at each scrape: whether this
 * replica leads (as controller-runtime's {@code leader_election_master_status} does), and what its
 * reconciler remembers per Foo, which must follow the live Foos and not every Foo ever seen.
 */
final class TermMetrics {
  private TermMetrics() {}

  static void bind(MeterRegistry registry, LeadershipTerms terms) {
    Gauge.builder("foo.operator.leading", () -> leads(terms) ? 1 : 0)
        .description(
            "1 while this replica reconciles and may write (it holds a fresh renewal of the Lease,"
                + " or leader election is off), else 0")
        .register(registry);
    remembered(registry, terms, "friend-index", FooReconciler.Memory::friendIndexEntries);
    remembered(registry, terms, "event-counts", FooReconciler.Memory::eventCountEntries);
  }

  /** As {@code /readyz} tells a leader from a standby: a term runs and the fence lets it write. */
  private static boolean leads(LeadershipTerms terms) {
    return terms.current().isPresent() && terms.mayWrite();
  }

  private static void remembered(
      MeterRegistry registry,
      LeadershipTerms terms,
      String kind,
      ToIntFunction<FooReconciler.Memory> entries) {
    Gauge.builder(
            "foo.reconciler.remembered.foos",
            () -> terms.current().map(t -> entries.applyAsInt(t.memory())).orElse(0))
        .tag("kind", kind)
        .description(
            "Foos the reconciler keeps an entry for (friend-index: the friend each named;"
                + " event-counts: its last Event), only live ones; 0 on a standby")
        .register(registry);
  }
}
