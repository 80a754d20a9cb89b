package my.domain.tutorial.bench;

import java.util.Objects;
import java.util.Optional;

/**
 * The native executable beside the jar, measured in the same run on the same scenarios, against
 * issue #23's targets: each row gives both figures and says whether the native one meets its target
 * or by how much it misses it.
 */
final class NativeComparison {
  private NativeComparison() {}

  static void rows(BenchmarkResults jar, BenchmarkResults nat, Table table) {
    Table t = table.labelled("native vs jar");
    t.row(
        "startup to ready, median",
        both(jar.startupToReadyEmpty().p50(), nat.startupToReadyEmpty().p50(), "%.0f ms"),
        below(nat.startupToReadyEmpty().p50(), 300, "ms"));
    t.row(
        "RSS idle",
        both(jar.idle().operatorRssMib(), nat.idle().operatorRssMib(), "%.0f MiB"),
        below(nat.idle().operatorRssMib(), 40, "MiB"));
    for (int foos : new int[] {1000, 10000}) {
      Optional<ScaleScenario.Result> j = scale(jar, foos);
      Optional<ScaleScenario.Result> n = scale(nat, foos);
      if (j.isEmpty() || n.isEmpty()) {
        continue;
      }
      t.row(
          String.format("RSS with %,d Foos", foos),
          both(
              j.get().footprint().operatorRssMib(),
              n.get().footprint().operatorRssMib(),
              "%.0f MiB"),
          below(n.get().footprint().operatorRssMib(), foos == 1000 ? 64 : 128, "MiB"));
      t.row(
          String.format("heap with %,d Foos (jar after full GC, native in use)", foos),
          both(
              j.get().footprint().operatorHeapAfterFullGcMib(),
              n.get().footprint().operatorHeapAfterFullGcMib(),
              "%.0f MiB"),
          "");
      t.row(
          String.format("all happy after the last Pod, %,d Foos", foos),
          both(j.get().allHappyAfterLastPodS(), n.get().allHappyAfterLastPodS(), "%.1f s"),
          notSlower(j.get().allHappyAfterLastPodS(), n.get().allHappyAfterLastPodS(), "s"));
      if (j.get().restart() != null && n.get().restart() != null) {
        t.row(
            String.format("restart over %,d correct Foos: ready, converged", foos),
            String.format(
                "jar %d ms, %d ms; native %d ms, %d ms",
                j.get().restart().startupToReadyMs(),
                j.get().restart().convergedMs(),
                n.get().restart().startupToReadyMs(),
                n.get().restart().convergedMs()),
            "");
      }
    }
    if (jar.costPerEventAt100Warm() != null && nat.costPerEventAt100Warm() != null) {
      double j = jar.costPerEventAt100Warm().cpuMsPerEvent();
      double n = nat.costPerEventAt100Warm().cpuMsPerEvent();
      t.row("CPU per Pod event at 100 Foos, warm", both(j, n, "%.2f ms"), below(n, 1.5 * j, "ms"));
    }
  }

  private static Optional<ScaleScenario.Result> scale(BenchmarkResults r, int foos) {
    return r.scaleRuns() == null
        ? Optional.empty()
        : r.scaleRuns().stream().filter(Objects::nonNull).filter(s -> s.foos() == foos).findFirst();
  }

  private static String both(double jar, double nat, String format) {
    return "jar " + String.format(format, jar) + ", native " + String.format(format, nat);
  }

  /** The native figure's verdict against an upper bound. */
  static String below(double value, double limit, String unit) {
    return value < limit
        ? String.format("native < %s %s: met", trim(limit), unit)
        : String.format(
            "native < %s %s: MISSED by %s %s", trim(limit), unit, trim(value - limit), unit);
  }

  /** The native figure may not be slower than the jar's. */
  static String notSlower(double jar, double nat, String unit) {
    return below(nat, Math.nextUp(jar), unit).replace("native < ", "native <= jar's ");
  }

  private static String trim(double v) {
    return v >= 10 ? String.format("%.0f", v) : String.format("%.2f", v);
  }
}
