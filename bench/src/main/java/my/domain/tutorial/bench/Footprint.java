package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The operator's memory as the node sees it (RSS from /proc), what it keeps (heap after a full GC),
 * its thread count and, with {@link OperatorProcess#NMT_SETTING}, where the memory goes.
 */
final class Footprint {
  record Result(
      double operatorRssMib,
      double operatorHeapAfterFullGcMib,
      int operatorThreads,
      @JsonInclude(JsonInclude.Include.NON_NULL) NativeMemory operatorNmt) {}

  private static final double MIB = 1048576.0;

  private Footprint() {}

  /** Measured in this order: RSS before the forced GC is what the node saw until then. */
  static Result measure(Bench bench, String what, String target) {
    OperatorProcess operator = bench.operator();
    double rss = operator.rssBytes() / MIB;
    int threads = operator.threads();
    double heap = operator.heapAfterFullGcBytes() / MIB;
    NativeMemory nmt =
        OperatorProcess.nativeMemoryTracked(bench.build) ? operator.nativeMemory() : null;
    bench.table.row(
        what,
        String.format(
            "RSS %.0f MiB, heap %s %.0f MiB, %d threads",
            rss,
            bench.build.isNative() ? "in use (native: no forced GC)" : "after full GC",
            heap,
            threads),
        target);
    if (nmt != null) {
      bench.table.row(what + ": where it goes", nmt.breakdown(), "");
    }
    return new Result(Stats.round(rss), Stats.round(heap), threads, nmt);
  }
}
