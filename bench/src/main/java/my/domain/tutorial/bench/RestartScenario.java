package my.domain.tutorial.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.Poll;

/**
 * The operator restarted over Foos that are all correct: it must get ready, reconcile each Foo once
 * (converged: from process start until that many reconciliations ran and none is running) and write
 * nothing. A marker Foo created afterwards proves the new process has seen everything.
 */
final class RestartScenario {
  record Result(long startupToReadyMs, long convergedMs, double statusWrites, double events) {}

  private static final String NS = "bench-0";

  private final Bench bench;

  RestartScenario(Bench bench) {
    this.bench = bench;
  }

  Result run(int n) {
    OperatorProcess operator = bench.restartOperator();
    if (!Poll.until(() -> operator.reconciledAtLeast(n), Bench.LONG, Duration.ofMillis(10))) {
      throw new IllegalStateException("the restarted operator did not reconcile " + n + " Foos");
    }
    long converged = (System.nanoTime() - operator.spawnedAtNanos) / 1_000_000;
    CompletableFuture<Long> unhappy = bench.watch.next(NS, "restart-marker", false);
    bench.admin.resource(Foo.of(NS, "restart-marker", "restart-marker-pod")).create();
    Waits.join(unhappy);
    CompletableFuture<Long> happy = bench.watch.next(NS, "restart-marker", true);
    bench.admin.resource(Workload.pod(NS, "restart-marker-pod")).create();
    Waits.join(happy);
    // The marker's own first verdict and its flip to happy are two writes; anything above is the
    // restart's.
    Result result =
        new Result(
            operator.startupToReady.toMillis(),
            converged,
            operator.statusWrites() - 2,
            operator.eventsRecorded() - 2);
    bench.table.row(
        "restart over " + n + " correct Foos",
        String.format(
            "ready in %d ms, converged in %d ms; %.0f status writes, %.0f events",
            result.startupToReadyMs(),
            result.convergedMs(),
            result.statusWrites(),
            result.events()),
        "target converged < 2 s at 10,000, 0 writes");
    bench.admin.resources(Foo.class).inNamespace(NS).withName("restart-marker").delete();
    bench.admin.pods().inNamespace(NS).withName("restart-marker-pod").withGracePeriod(0).delete();
    return result;
  }
}
