package my.domain.tutorial.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.Poll;

/**
 * A label, an annotation and a status update on each friend Pod, none of which changes a verdict:
 * the operator should neither reconcile nor write. A marker Pod's Foo flipping afterwards proves
 * the churn was processed.
 */
final class ChurnScenario {
  record Result(int podUpdates, double reconciles, double statusWrites, double events) {}

  private static final String NS = "churn";
  private static final int PODS = 100;

  private final Bench bench;

  ChurnScenario(Bench bench) {
    this.bench = bench;
  }

  Result run() {
    var admin = bench.admin;
    for (int i = 0; i < PODS; i++) {
      admin.resource(Workload.pod(NS, "pod-" + i)).create();
      admin.resource(Foo.of(NS, "foo-" + i, "pod-" + i)).create();
    }
    admin.resource(Foo.of(NS, "marker", "marker-pod")).create();
    awaitSettled();
    OperatorProcess operator = bench.operator();
    double r0 = operator.reconciles();
    double w0 = operator.statusWrites();
    double e0 = operator.eventsRecorded();
    Workload.parallel(
        PODS,
        i -> {
          var pod = admin.pods().inNamespace(NS).withName("pod-" + i);
          pod.edit(
              p -> {
                p.getMetadata().getLabels().put("churn", "round-1");
                return p;
              });
          pod.edit(
              p -> {
                p.getMetadata().getAnnotations().put("churn/at", Long.toString(System.nanoTime()));
                return p;
              });
          pod.editStatus(
              p -> {
                p.getStatus().setMessage("status churn " + i);
                p.getStatus().setReason("Churned");
                return p;
              });
        });
    // A marker after the churn on the same Pod watch: once it is reconciled, so was the churn.
    CompletableFuture<Long> markerHappy = bench.watch.next(NS, "marker", true);
    admin.resource(Workload.pod(NS, "marker-pod")).create();
    Waits.join(markerHappy);
    // The marker's own reconcile, status write and Event are not the churn's.
    Result result =
        new Result(
            PODS * 3,
            operator.reconciles() - r0 - 1,
            operator.statusWrites() - w0 - 1,
            operator.eventsRecorded() - e0 - 1);
    bench.table.row(
        "verdict-neutral churn (" + result.podUpdates() + " pod updates)",
        String.format(
            "%.0f reconciles, %.0f status writes, %.0f events",
            result.reconciles(), result.statusWrites(), result.events()),
        "target 0");
    admin.resources(Foo.class).inNamespace(NS).delete();
    admin.pods().inNamespace(NS).withGracePeriod(0).delete();
    bench.watch.awaitGone(NS + "/", Bench.LONG);
    return result;
  }

  private void awaitSettled() {
    var watch = bench.watch;
    boolean settled =
        Poll.until(
            () -> {
              long done =
                  IntStream.range(0, PODS)
                      .filter(
                          i -> {
                            var s = watch.latest(NS, "foo-" + i);
                            return s != null && Boolean.TRUE.equals(s.happy());
                          })
                      .count();
              var marker = watch.latest(NS, "marker");
              return done == PODS && marker != null && marker.happy() != null;
            },
            Bench.LONG,
            Duration.ofMillis(10));
    if (!settled) {
      throw new IllegalStateException(NS + " did not settle");
    }
  }
}
