package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.operator.runtime.MemorySizing;
import my.domain.tutorial.operator.runtime.MemorySizing.Build;
import my.domain.tutorial.testsupport.PrometheusText;
import my.domain.tutorial.testsupport.ShippedDeployment;

/**
 * A large cluster (issue #24): {@code foos} Foos, then {@code pods} realistic Pods over {@link
 * #NAMESPACES} namespaces, of which only one Pod per Foo is a friend, spread evenly over the
 * creation order (so the last friend is created near the end). The operator is started afresh
 * first, so its memory is this cluster's and not what earlier scenarios left.
 *
 * <p>It reports convergence from the last Pod created, the operator's RSS and heap, the full GCs it
 * ran while the Pods were created and converged (a death spiral shows as hundreds), and the live
 * heap each cached object costs: per Foo from the heap before and after the Foos (no Pods yet), per
 * Pod from the heap before and after the Pods. Each target missed says by how much.
 */
final class LargeClusterScenario {
  static final int NAMESPACES = 100;
  static final Duration CONVERGE_TARGET = Duration.ofSeconds(60);

  /**
   * A full-GC storm: more than this share of the time from the first Pod to the figures spent in
   * full GCs (the failed run spent most of it there: 465 full GCs in 13 minutes).
   */
  static final int STORM_SHARE_PERCENT = 10;

  /** A restart over the large cluster is waited for this long before the run reports it failed. */
  private static final Duration RESTART_READY_WITHIN = Duration.ofMinutes(10);

  /** Convergence is waited for this long before the run reports it missed. */
  private static final Duration CONVERGE_LIMIT = Duration.ofMinutes(5);

  /** One large cluster: {@code foos} x {@code pods}, and its RSS target. */
  record Size(int foos, int pods, int rssTargetMib) {
    static Size parse(String spec) {
      String[] parts = spec.trim().split("x");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "FOO_BENCH_LARGE: '" + spec + "' is not FOOSxPODS, e.g. 1000x100000");
      }
      int foos = Integer.parseInt(parts[0]);
      int pods = Integer.parseInt(parts[1]);
      if (foos < 1 || pods < foos) {
        throw new IllegalArgumentException(
            "FOO_BENCH_LARGE: '" + spec + "' needs 1 <= foos <= pods (one friend Pod per Foo)");
      }
      return new Size(foos, pods, rssTargetMib(foos, pods));
    }

    /** The targets; other sizes get the larger one. */
    private static int rssTargetMib(int foos, int pods) {
      return foos <= 1000 && pods <= 100_000 ? 128 : 256;
    }

    String label() {
      return String.format("%,d Foos + %,d Pods", foos, pods);
    }
  }

  /**
   * The figures of one size; where the run failed part-way (say the operator ran out of memory),
   * {@code failed} says how and the figures not reached are absent.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      int foos,
      int pods,
      int namespaces,
      /** The operator's memory limit: the shipped one, or the sizing formula's when larger. */
      Long memoryLimitMib,
      Double foosCreatedInS,
      Double podsCreatedInS,
      Double podsCreatedPerS,
      /** Null when not every Foo was right within the limit; {@code happyAtLimit} says how many. */
      Double allHappyAfterLastPodS,
      Long happyAtLimit,
      Double operatorRssMib,
      int rssTargetMib,
      Double operatorHeapAfterFullGcMib,
      Integer operatorThreads,
      /** Null where the process exports no major-GC series (a native executable's GC). */
      Double fullGcs,
      Double fullGcSeconds,
      Double heapBytesPerFoo,
      Double heapBytesPerPod,
      /** The operator restarted over the whole cluster. */
      Restart restart,
      List<PluginTimer.LargeTiming> plugin,
      String failed) {
    static Result failed(Size size, String why) {
      return new Result(
          size.foos(),
          size.pods(),
          NAMESPACES,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          size.rssTargetMib(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          why);
    }
  }

  private static final double MIB = 1048576.0;

  private final Bench bench;

  LargeClusterScenario(Bench bench) {
    this.bench = bench;
  }

  static String namespace(int i) {
    return "large-" + (i % NAMESPACES);
  }

  static List<String> namespaces() {
    return IntStream.range(0, NAMESPACES).mapToObj(i -> "large-" + i).toList();
  }

  /** The index of the Pod that Foo {@code j} names: friends spread over the creation order. */
  static int friendOf(int j, Size size) {
    return (int) ((long) j * size.pods() / size.foos());
  }

  /**
   * The build whose sizing formula gives the operator its memory limit: a user gives the operator
   * the formula's limit for the cluster, or keeps the shipped Deployment's where that is larger.
   */
  private Build build() {
    return bench.build.isNative() ? Build.NATIVE : Build.JAR;
  }

  /**
   * Runs one size; a failure part-way (the operator gone, a wait that ran out) is a row and a
   * {@code failed} result, so the sizes after it and the figures before it are kept. What it
   * created is deleted either way.
   */
  Result runOrReport(Size size) {
    try {
      return run(size);
    } catch (RuntimeException e) {
      e.printStackTrace();
      String why =
          e.getMessage()
              + (bench.operatorExited() ? " (the operator process had exited; see its log)" : "");
      bench.table.row(size.label(), "FAILED: " + why, "");
      try {
        cleanUp(size);
      } catch (RuntimeException cleanup) {
        cleanup.printStackTrace();
      }
      return Result.failed(size, why);
    }
  }

  private Result run(Size size) {
    var admin = bench.admin;
    var watch = bench.watch;
    String what = size.label();
    long shippedMib = ShippedDeployment.load().memoryLimitBytes() / 1048576;
    long formulaMib = MemorySizing.limitMib(build(), size.foos(), size.pods());
    boolean raised = formulaMib > shippedMib;
    long limitMib = raised ? formulaMib : shippedMib;
    OperatorProcess operator =
        bench.restartOperator(raised ? OptionalLong.of(limitMib) : OptionalLong.empty());
    bench.table.row(
        what + ": operator memory limit",
        raised
            ? String.format(
                "%dMi, the sizing formula's for this cluster (docs/footprint.md; shipped: %dMi)",
                limitMib, shippedMib)
            : String.format("%dMi, the Deployment's", shippedMib),
        "");
    double heapEmpty = operator.heapAfterFullGcBytes();
    histogram(operator, size, "empty");

    long t0 = System.nanoTime();
    Workload.parallel(
        size.foos(),
        j -> {
          int pod = friendOf(j, size);
          admin.resource(Foo.of(namespace(pod), "foo-" + j, "pod-" + pod)).create();
        });
    watch.awaitCount("large-", s -> s.happy() != null, size.foos(), Bench.LONG);
    double foosCreatedS = (System.nanoTime() - t0) / 1e9;
    double heapFoos = operator.heapAfterFullGcBytes();
    histogram(operator, size, "foos");
    GcCount gcBefore = GcCount.of(operator);

    long tFirst = System.nanoTime();
    Workload.parallel(
        size.pods(), i -> admin.resource(Workload.pod(namespace(i), "pod-" + i)).create());
    long tLast = System.nanoTime();
    boolean converged =
        Poll.until(
            () -> watch.count("large-", s -> Boolean.TRUE.equals(s.happy())) >= size.foos(),
            CONVERGE_LIMIT,
            Duration.ofMillis(20));
    long tAll = System.nanoTime();
    long happy = watch.count("large-", s -> Boolean.TRUE.equals(s.happy()));
    double podsCreatedS = (tLast - tFirst) / 1e9;
    Double convergedS = converged ? Stats.round((tAll - tLast) / 1e9) : null;
    bench.table.row(
        what + ": pods created",
        String.format(
            "%.1f s (%.0f Pods/s, 8 client threads); the Foos before them in %.1f s",
            podsCreatedS, size.pods() / podsCreatedS, foosCreatedS),
        "");
    bench.table.row(
        what + ": every Foo happy after the last Pod",
        converged
            ? String.format("%.2f s", convergedS)
            : String.format(
                "not within %d s: %,d of %,d happy",
                CONVERGE_LIMIT.toSeconds(), happy, size.foos()),
        target(
            "< " + CONVERGE_TARGET.toSeconds() + " s",
            converged ? convergedS : Double.POSITIVE_INFINITY,
            CONVERGE_TARGET.toSeconds(),
            "s"));

    // The node's view first: the forced GC below changes the RSS.
    double rss = operator.rssBytes() / MIB;
    int threads = operator.threads();
    GcCount gcAfter = GcCount.of(operator);
    // Before the forced GC, as the RSS: where the memory the node sees goes.
    NativeMemory nmt =
        OperatorProcess.nativeMemoryTracked(bench.build) ? operator.nativeMemory() : null;
    double heapPods = operator.heapAfterFullGcBytes();
    histogram(operator, size, "pods");
    double windowS = (System.nanoTime() - tFirst) / 1e9;
    GcCount gcs = gcAfter == null || gcBefore == null ? null : gcAfter.minus(gcBefore);
    // No forced GC reaches a native process: its heap figures include garbage, and say so.
    String heapKind = bench.build.isNative() ? "in use (native: no forced GC)" : "after full GC";
    bench.table.row(
        what + ": operator memory",
        String.format(
            "RSS %.0f MiB, heap %s %.0f MiB, %d threads", rss, heapKind, heapPods / MIB, threads),
        target("RSS < " + size.rssTargetMib() + " MiB", rss, size.rssTargetMib(), "MiB"));
    bench.table.row(
        what + ": full GCs while the Pods were created and converged",
        gcs == null
            ? "not exported by this process"
            : String.format(
                "%.0f, %.1f s in total, %.1f%% of the %.0f s",
                gcs.count(), gcs.seconds(), 100 * gcs.seconds() / windowS, windowS),
        gcs == null
            ? ""
            : target(
                "no full-GC storm (< " + STORM_SHARE_PERCENT + "% of the time in full GCs)",
                100 * gcs.seconds() / windowS,
                STORM_SHARE_PERCENT,
                "points"));
    if (nmt != null) {
      bench.table.row(what + ": operator memory: where it goes", nmt.breakdown(), "");
    }
    double perFoo = (heapFoos - heapEmpty) / size.foos();
    double perPod = (heapPods - heapFoos) / size.pods();
    bench.table.row(
        what + ": heap per object",
        String.format(
            "%.0f bytes per Foo (%,d Foos, no Pods), %.0f bytes per Pod of the cluster (the Pod"
                + " cache keeps the %,d friends); heap %s",
            perFoo, size.foos(), perPod, size.foos(), heapKind),
        "");

    Restart restart =
        restart(raised ? OptionalLong.of(limitMib) : OptionalLong.empty(), limitMib, size);

    // FOO_BENCH_LARGE_PLUGIN=0 leaves the plugin out: a quarter of an hour at 100,000 Pods.
    List<PluginTimer.LargeTiming> plugin =
        "0".equals(System.getenv("FOO_BENCH_LARGE_PLUGIN"))
            ? List.of()
            : new PluginTimer(bench).measureLarge(what);

    cleanUp(size);
    return new Result(
        size.foos(),
        size.pods(),
        NAMESPACES,
        limitMib,
        Stats.round(foosCreatedS),
        Stats.round(podsCreatedS),
        Stats.round(size.pods() / podsCreatedS),
        convergedS,
        happy,
        Stats.round(rss),
        size.rssTargetMib(),
        Stats.round(heapPods / MIB),
        threads,
        gcs == null ? null : gcs.count(),
        gcs == null ? null : Stats.round(gcs.seconds()),
        (double) Math.round(perFoo),
        (double) Math.round(perPod),
        restart,
        plugin,
        null);
  }

  /**
   * How the operator restarts over this cluster: a failover or a rollout starts it where every Foo
   * and Pod already exists, so its informers list them all before it is ready. The figures: time to
   * ready, the most memory it took on the way (the process's peak RSS), and whether it stayed up.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Restart(Double readyInS, Double peakRssMib, Double rssAtReadyMib, String failed) {}

  private Restart restart(OptionalLong limit, long limitMib, Size size) {
    String what = size.label();
    OperatorProcess operator;
    try {
      // Listing 100,000 Pods takes kubectl get pods -A over a minute on this machine.
      operator = bench.restartOperator(limit, RESTART_READY_WITHIN);
    } catch (RuntimeException e) {
      bench.table.row(what + ": operator restarted over it", "failed: " + e.getMessage(), "");
      return new Restart(null, null, null, e.getMessage());
    }
    double readyS = operator.startupToReady.toMillis() / 1000.0;
    double peak = operator.peakRssBytes() / MIB;
    double rss = operator.rssBytes() / MIB;
    bench.table.row(
        what + ": operator restarted over it",
        String.format(
            "ready in %.1f s (lists every Foo and Pod); peak RSS %.0f MiB, RSS at ready %.0f MiB",
            readyS, peak, rss),
        target("peak RSS within the " + limitMib + "Mi limit", peak, limitMib, "MiB"));
    return new Restart(Stats.round(readyS), Stats.round(peak), Stats.round(rss), null);
  }

  /**
   * With {@code FOO_BENCH_HISTOGRAM=1}, the operator's class histogram beside the results (e.g.
   * {@code histogram-1000x100000-pods.txt}): what a cached object is made of.
   */
  private void histogram(OperatorProcess operator, Size size, String stage) {
    if (!"1".equals(System.getenv("FOO_BENCH_HISTOGRAM"))) {
      return;
    }
    Path file =
        bench
            .outDir()
            .resolve("histogram-" + size.foos() + "x" + size.pods() + "-" + stage + ".txt");
    try {
      Files.writeString(file, operator.classHistogram());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "target ...: met", or how far it was missed. */
  static String target(String target, double value, double limit, String unit) {
    if (value < limit) {
      return "target " + target + ": met";
    }
    if (Double.isInfinite(value)) {
      return "target " + target + ": **missed** (did not converge)";
    }
    return String.format("target %s: **missed by %.1f %s**", target, value - limit, unit);
  }

  private void cleanUp(Size size) {
    for (String ns : namespaces()) {
      bench.admin.pods().inNamespace(ns).withGracePeriod(0).delete();
      bench.admin.resources(Foo.class).inNamespace(ns).delete();
    }
    bench.watch.awaitGone("large-", Bench.LONG);
    Poll.until(
        () ->
            namespaces().stream()
                .allMatch(
                    ns ->
                        bench
                            .admin
                            .pods()
                            .inNamespace(ns)
                            .list(new ListOptionsBuilder().withLimit(1L).build())
                            .getItems()
                            .isEmpty()),
        Bench.LONG,
        Duration.ofSeconds(1));
  }

  /**
   * Full (major) GCs so far: on the JVM from Micrometer's pause metrics, in the native executable
   * from its collector counts ({@code jvm_gc_collections_total}, the "complete scavenger").
   */
  record GcCount(double count, double seconds) {
    static GcCount of(OperatorProcess operator) {
      String text = operator.metricsText();
      String complete = "gc=\"complete scavenger\"";
      if (text.contains("jvm_gc_collections_total")) {
        return new GcCount(
            PrometheusText.sum(text, "jvm_gc_collections_total", complete),
            PrometheusText.sum(text, "jvm_gc_collection_time_seconds_total", complete));
      }
      String major = "action=\"end of major GC\"";
      if (!text.contains("jvm_gc_pause_seconds_count")) {
        return null;
      }
      if (!text.contains(major)) {
        return new GcCount(0, 0);
      }
      return new GcCount(
          PrometheusText.sum(text, "jvm_gc_pause_seconds_count", major),
          PrometheusText.sum(text, "jvm_gc_pause_seconds_sum", major));
    }

    GcCount minus(GcCount before) {
      return new GcCount(count - before.count, seconds - before.seconds);
    }
  }
}
