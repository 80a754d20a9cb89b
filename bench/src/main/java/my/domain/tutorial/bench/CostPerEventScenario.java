package my.domain.tutorial.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.Poll;

/**
 * Reconciles and operator CPU per Pod event: friend Pods deleted and recreated one at a time, the
 * operator's idle CPU over as long a time taken off.
 */
final class CostPerEventScenario {
  record Result(
      int foosPresent,
      int podEvents,
      double reconcilesPerEvent,
      double cpuMsPerEvent,
      double idleCpuMsSubtracted) {}

  private final Bench bench;

  CostPerEventScenario(Bench bench) {
    this.bench = bench;
  }

  /** {@code foos} happy Foos foo-i with friends pod-i in {@code ns}, alone in the cluster. */
  void setUp(String ns, int foos) {
    for (int i = 0; i < foos; i++) {
      bench.admin.resource(Workload.pod(ns, "pod-" + i)).create();
      bench.admin.resource(Foo.of(ns, "foo-" + i, "pod-" + i)).create();
    }
    bench.watch.awaitCount(s -> Boolean.TRUE.equals(s.happy()), foos, Bench.LONG);
  }

  /**
   * Deletes and recreates the friend pod of foo-i in {@code ns} for each i: two pod events each.
   */
  Result measure(String ns, int[] indexes, String label) {
    var admin = bench.admin;
    var watch = bench.watch;
    OperatorProcess operator = bench.operator();
    int foosPresent = (int) watch.count(s -> true);
    awaitQuiet(operator);
    double r0 = operator.reconciles();
    Duration cpu0 = operator.cpuTime();
    long wall0 = System.nanoTime();
    for (int i : indexes) {
      String pod = "pod-" + i;
      String foo = "foo-" + i;
      admin.pods().inNamespace(ns).withName(pod).withGracePeriod(0).delete();
      admin
          .pods()
          .inNamespace(ns)
          .withName(pod)
          .waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS);
      watch.awaitReason(ns, foo, Reason.FriendNotFound.name(), Bench.LONG);
      CompletableFuture<Long> happy = watch.next(ns, foo, true);
      admin.resource(Workload.pod(ns, pod)).create();
      Waits.join(happy);
    }
    int events = indexes.length * 2;
    double reconciles = operator.reconciles() - r0;
    double busyMs = (operator.cpuTime().toNanos() - cpu0.toNanos()) / 1e6;
    // What the operator burns with nothing to do (GC, timers, watches) over as long a time is not
    // the events' cost: measure it right after and take it off.
    long wall = System.nanoTime() - wall0;
    Duration idle0 = operator.cpuTime();
    Waits.sleep(wall / 1_000_000);
    double idleMs = (operator.cpuTime().toNanos() - idle0.toNanos()) / 1e6;
    double cpuMs = Math.max(0, busyMs - idleMs);
    Result result =
        new Result(
            foosPresent,
            events,
            Stats.round(reconciles / events),
            Stats.round(cpuMs / events),
            Stats.round(idleMs));
    bench.table.row(
        label + " (" + foosPresent + " Foos)",
        String.format("%.2f reconciles, %.2f ms CPU", reconciles / events, cpuMs / events),
        "");
    return result;
  }

  /**
   * Background work (GC, a big deletion's aftermath) would be billed to the events measured next.
   */
  private static void awaitQuiet(OperatorProcess operator) {
    Poll.until(
        () -> {
          long before = operator.cpuTime().toMillis();
          Waits.sleep(1000);
          return operator.cpuTime().toMillis() - before < 20;
        },
        Bench.LONG,
        Duration.ZERO);
  }
}
