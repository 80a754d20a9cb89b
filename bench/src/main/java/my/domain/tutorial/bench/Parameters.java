package my.domain.tutorial.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sizes of a run, from {@code FOO_BENCH_SCALES} (default {@code 1000,10000}), {@code
 * FOO_BENCH_LATENCY_SAMPLES} (default 200) and {@code FOO_BENCH_COST_OPS} (default 100); and the
 * real-node scenario ({@link ImageScenario}): {@code FOO_BENCH_NODE} ({@code auto}, the default:
 * run where a node can run, else a row saying why; {@code 0}: skip it; {@code only}: run only it)
 * and {@code FOO_BENCH_NODE_FOOS} (default 1000); the large clusters ({@link
 * LargeClusterScenario}): {@code FOO_BENCH_LARGE} (default {@code 1000x100000,50000x50000}, Foos x
 * Pods; {@code 0}: none) and {@code FOO_BENCH_LARGE_ONLY=1} (start-up, idle and the large clusters
 * only).
 */
record Parameters(
    List<Integer> scales,
    int latencySamples,
    int costOps,
    int clientThreads,
    List<String> operatorJvm,
    String node,
    int nodeFoos,
    List<LargeClusterScenario.Size> large,
    boolean largeOnly) {
  static final String DEFAULT_LARGE = "1000x100000,50000x50000";

  static Parameters from(Map<String, String> env, List<String> operatorJvm) {
    List<Integer> scales =
        Arrays.stream(env.getOrDefault("FOO_BENCH_SCALES", "1000,10000").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    return new Parameters(
        scales,
        Integer.parseInt(env.getOrDefault("FOO_BENCH_LATENCY_SAMPLES", "200")),
        Integer.parseInt(env.getOrDefault("FOO_BENCH_COST_OPS", "100")),
        Workload.CLIENT_THREADS,
        operatorJvm,
        env.getOrDefault("FOO_BENCH_NODE", "auto"),
        Integer.parseInt(env.getOrDefault("FOO_BENCH_NODE_FOOS", "1000")),
        large(env.getOrDefault("FOO_BENCH_LARGE", DEFAULT_LARGE)),
        "1".equals(env.get("FOO_BENCH_LARGE_ONLY")));
  }

  private static List<LargeClusterScenario.Size> large(String spec) {
    if (spec.isBlank() || spec.trim().equals("0")) {
      return List.of();
    }
    return Arrays.stream(spec.split(",")).map(LargeClusterScenario.Size::parse).toList();
  }

  /** Only the real-node scenario: no process figures, no local control plane of the bench's own. */
  boolean nodeOnly() {
    return "only".equals(node);
  }

  int largestScale() {
    return scales.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
