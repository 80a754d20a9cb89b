package my.domain.tutorial.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import my.domain.tutorial.api.v1.Foo;

/**
 * Foos whose friend Pods are created one at a time (time to the watch event with happy=true), and
 * later deleted (time to happy=false).
 */
final class LatencyScenario {
  record Result(Stats podCreatedToHappy, Stats podDeletedToUnhappy) {}

  private static final String NS = "latency";

  private final Bench bench;

  LatencyScenario(Bench bench) {
    this.bench = bench;
  }

  Result run(int samples) {
    var admin = bench.admin;
    var watch = bench.watch;
    for (int i = 0; i < samples; i++) {
      admin.resource(Foo.of(NS, "lat-" + i, "lat-pod-" + i)).create();
    }
    watch.awaitCount(s -> Boolean.FALSE.equals(s.happy()), samples, Bench.LONG);
    List<Double> created = new ArrayList<>();
    List<Double> deleted = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      CompletableFuture<Long> happy = watch.next(NS, "lat-" + i, true);
      long t0 = System.nanoTime();
      admin.resource(Workload.pod(NS, "lat-pod-" + i)).create();
      created.add(Waits.millisSince(t0, Waits.join(happy)));
    }
    for (int i = 0; i < samples; i++) {
      CompletableFuture<Long> unhappy = watch.next(NS, "lat-" + i, false);
      long t0 = System.nanoTime();
      admin.pods().inNamespace(NS).withName("lat-pod-" + i).withGracePeriod(0).delete();
      deleted.add(Waits.millisSince(t0, Waits.join(unhappy)));
    }
    Result result = new Result(Stats.of(created), Stats.of(deleted));
    bench.table.row(
        "latency pod created -> Happy=True",
        result.podCreatedToHappy().toString(),
        "target p99 < 100 ms");
    bench.table.row(
        "latency pod deleted -> Happy=False",
        result.podDeletedToUnhappy().toString(),
        "target p99 < 100 ms");
    admin.resources(Foo.class).inNamespace(NS).delete();
    // The next scenario measures the operator alone with its own Foos.
    watch.awaitGone(NS + "/", Bench.LONG);
    return result;
  }
}
