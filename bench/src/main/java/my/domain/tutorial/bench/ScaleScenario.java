package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.util.stream.IntStream;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.Poll;

/**
 * N Foos over the scale namespaces, then their N friend Pods created by the client threads:
 * convergence from the last Pod created, the operator's footprint with everything loaded, the
 * plugin at {@link PluginTimer#SCALE}, and convergence again after all Pods are deleted, with the
 * writes of the whole run. At the largest scale also the cost per event and a restart.
 */
final class ScaleScenario {
  /** Footprint, writes and restart stay flat in the JSON, as the figures of one run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      int foos,
      int pods,
      int namespaces,
      double podsCreatedInS,
      double allHappyAfterLastPodS,
      double reconcilesPerS,
      @JsonUnwrapped Footprint.Result footprint,
      double allUnhappyAfterLastDeleteS,
      @JsonUnwrapped WriteCounter.Result writes,
      @JsonUnwrapped(prefix = "restart_") RestartScenario.Result restart,
      CostPerEventScenario.Result costPerEvent,
      @JsonIgnore PluginTimer.Result plugin) {}

  private final Bench bench;

  ScaleScenario(Bench bench) {
    this.bench = bench;
  }

  /** With {@code costOps > 0}, also the cost per event and the restart. */
  Result run(int n, int costOps) {
    var admin = bench.admin;
    var watch = bench.watch;
    WriteCounter writes = new WriteCounter(bench);
    long before = watch.count(s -> true);

    Workload.parallel(
        n, i -> admin.resource(Foo.of(Bench.scaleNamespace(i), "foo-" + i, "pod-" + i)).create());
    watch.awaitCount(s -> s.happy() != null, before + n, Bench.LONG);
    long happyBefore = watch.count(s -> Boolean.TRUE.equals(s.happy()));

    double r0 = bench.operator().reconciles();
    long tFirst = System.nanoTime();
    Workload.parallel(
        n, i -> admin.resource(Workload.pod(Bench.scaleNamespace(i), "pod-" + i)).create());
    long tLast = System.nanoTime();
    long tAll = watch.awaitCount(s -> Boolean.TRUE.equals(s.happy()), happyBefore + n, Bench.LONG);
    double reconcilesPerS = (bench.operator().reconciles() - r0) / ((tAll - tFirst) / 1e9);
    bench.table.row(
        n + " Foos: all happy after last pod",
        String.format(
            "%.2f s (pods created in %.1f s, %.0f reconciles/s)",
            (tAll - tLast) / 1e9, (tLast - tFirst) / 1e9, reconcilesPerS),
        "target < 10 s at 10,000");

    Footprint.Result footprint =
        Footprint.measure(bench, n + " Foos + " + n + " pods: operator memory", rssTarget(n));
    PluginTimer.Result plugin =
        n == PluginTimer.SCALE
            ? new PluginTimer(bench).measure(Bench.scaleNamespace(0), "foo-0")
            : null;
    CostPerEventScenario.Result cost = null;
    if (costOps > 0) {
      // foo-i lives in bench-(i % 10): the ones in bench-0 are 0, 10, 20, ...
      int[] inFirstNamespace =
          IntStream.range(0, costOps / 2).map(k -> k * Bench.SCALE_NAMESPACES.size()).toArray();
      cost =
          new CostPerEventScenario(bench)
              .measure(Bench.scaleNamespace(0), inFirstNamespace, "cost per event at " + n);
    }

    long tDel = System.nanoTime();
    Workload.deletePods(admin, Bench.SCALE_NAMESPACES);
    long tDelLast = System.nanoTime();
    long tUnhappy = awaitNoneHappy(n);
    bench.table.row(
        n + " Foos: all unhappy after last delete",
        String.format(
            "%.2f s (deletes issued in %.1f s)",
            (tUnhappy - tDelLast) / 1e9, (tDelLast - tDel) / 1e9),
        "");

    awaitSettledReasons();
    WriteCounter.Result written = writes.result(n);
    RestartScenario.Result restart = costOps > 0 ? new RestartScenario(bench).run(n) : null;

    Bench.SCALE_NAMESPACES.forEach(ns -> admin.resources(Foo.class).inNamespace(ns).delete());
    watch.awaitGone("bench-", Bench.LONG);
    return new Result(
        n,
        n,
        Bench.SCALE_NAMESPACES.size(),
        Stats.round((tLast - tFirst) / 1e9),
        Stats.round((tAll - tLast) / 1e9),
        Stats.round(reconcilesPerS),
        footprint,
        Stats.round((tUnhappy - tDelLast) / 1e9),
        written,
        restart,
        cost,
        plugin);
  }

  /** The footprint issue's targets, for the scales it names. */
  private static String rssTarget(int n) {
    return switch (n) {
      case 1000 -> "target RSS < 96 MiB";
      case 10000 -> "target RSS < 160 MiB";
      default -> "";
    };
  }

  private long awaitNoneHappy(int n) {
    boolean none =
        Poll.until(
            () ->
                IntStream.range(0, n)
                    .noneMatch(
                        i -> {
                          var s = bench.watch.latest(Bench.scaleNamespace(i), "foo-" + i);
                          return s != null && !Boolean.FALSE.equals(s.happy());
                        }),
            Bench.LONG,
            Duration.ofMillis(5));
    if (!none) {
      throw new IllegalStateException("Foos stayed happy after their pods were deleted");
    }
    return System.nanoTime();
  }

  /**
   * Deletion may pass through FriendTerminating; wait until every verdict settled on
   * FriendNotFound.
   */
  private void awaitSettledReasons() {
    Poll.until(
        () -> bench.watch.count(s -> Reason.FriendTerminating.name().equals(s.reason())) == 0,
        Bench.LONG,
        Duration.ofMillis(10));
  }
}
