package my.domain.tutorial.bench;

/**
 * The operator's memory as the node sees it (RSS from /proc) and what it keeps (heap after a full
 * GC).
 */
final class Footprint {
  record Result(double operatorRssMib, double operatorHeapAfterFullGcMib) {}

  private static final double MIB = 1048576.0;

  private Footprint() {}

  static Result measure(Bench bench, int n) {
    OperatorProcess operator = bench.operator();
    double rss = operator.rssBytes() / MIB;
    double heap = operator.heapAfterFullGcBytes() / MIB;
    bench.table.row(
        n + " Foos + " + n + " pods: operator memory",
        String.format("RSS %.0f MiB, heap after full GC %.0f MiB", rss, heap),
        "target RSS < 300 MiB at 10,000");
    return new Result(Stats.round(rss), Stats.round(heap));
  }
}
