package my.domain.tutorial.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.RepoRoot;
import my.domain.tutorial.testsupport.ShippedDeployment;

/**
 * {@code make bench}: the operator as its own JVM against a real control plane on loopback, under
 * the scenarios of the benchmark issue. Prints a table and writes every figure as JSON. Numbers
 * only: nothing here passes or fails on a timing.
 *
 * <p>Sizes from the environment ({@link Parameters}). Argument: the JSON file to write.
 */
public final class Benchmark {
  /** Start-up is timed over several starts: one start on a busy machine says little. */
  private static final int STARTS = 5;

  private static final java.time.Duration IDLE_SETTLE = java.time.Duration.ofSeconds(10);

  private final Bench bench;
  private final Parameters parameters;

  private Benchmark(Bench bench, Parameters parameters) {
    this.bench = bench;
    this.parameters = parameters;
  }

  public static void main(String[] args) throws Exception {
    Path repo = RepoRoot.find();
    Path out = args.length > 0 ? Path.of(args[0]) : repo.resolve("bench/target/results.json");
    Files.createDirectories(out.getParent());
    Parameters parameters = Parameters.from(System.getenv(), OperatorProcess.deploymentJvm());
    Path jar = parameters.nodeOnly() ? null : ShippedDeployment.operatorJar();
    Table table = new Table(System.out::println);

    List<OperatorBuild> builds =
        parameters.nodeOnly() ? List.of() : OperatorBuild.chosen(System.getenv(), repo, jar);
    BenchmarkResults results = null;
    List<BenchmarkResults> all = new ArrayList<>();
    for (OperatorBuild build : builds) {
      Table labelled = builds.size() > 1 ? table.labelled(build.label()) : table;
      BenchmarkResults figures = processFigures(repo, out, build, parameters, labelled);
      all.add(figures);
      if (build.isNative()) {
        Files.writeString(nativeResults(out), figures.toJson());
      } else {
        results = figures;
      }
    }
    if (builds.size() > 1) {
      NativeComparison.rows(all.get(0), all.get(1), table);
    } else if (results == null && !all.isEmpty()) {
      results = all.get(0);
    }
    // After the bench's own control plane is gone: the node brings its own, and the machine is
    // quieter.
    ImageScenario.Result node = realNode(parameters, table);
    results =
        results == null
            ? BenchmarkResults.nodeOnly(Machine.current(), parameters, node)
            : results.withRealNode(node);
    Files.writeString(out, results.toJson());
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    System.out.println("raw results: " + out);
    System.exit(0);
  }

  /** The native executable's figures, beside {@code out} (the jar's). */
  static Path nativeResults(Path out) {
    String name = out.getFileName().toString().replaceFirst("\\.json$", "");
    return out.resolveSibling(name + "-native.json");
  }

  /**
   * After a full run, a real node that fails (an image build, a Pod never Ready) is a row and a
   * {@code skipped} reason, not the loss of the figures measured before it; alone, it fails the
   * run.
   */
  private static ImageScenario.Result realNode(Parameters parameters, Table table) {
    ImageScenario scenario = new ImageScenario(table);
    if (parameters.nodeOnly()) {
      return scenario.runOrSkip(parameters.node(), parameters.nodeFoos());
    }
    try {
      return scenario.runOrSkip(parameters.node(), parameters.nodeFoos());
    } catch (RuntimeException e) {
      e.printStackTrace();
      String why = "failed: " + e.getMessage() + " (stack trace on stderr)";
      table.row("real node (operator image)", why, "");
      return ImageScenario.Result.skipped(why);
    }
  }

  /** Every scenario but the real node's: the operator as its own JVM on a local control plane. */
  private static BenchmarkResults processFigures(
      Path repo, Path out, OperatorBuild build, Parameters parameters, Table table) {
    try (ControlPlane cp =
        ControlPlane.start(ControlPlaneBinaries.locate(), ControlPlaneConfig.throwaway())) {
      Config config = cp.adminConfig();
      config.setMaxConcurrentRequests(64);
      config.setMaxConcurrentRequestsPerHost(32);
      config.setRequestTimeout(60_000);
      try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(config).build()) {
        ClusterResources.installCrd(admin, FooCrd.RESOURCE);
        for (String ns :
            Stream.of(
                    Bench.SCALE_NAMESPACES.stream(),
                    Stream.of("latency", "cost", "churn", OperatorDefaults.NAMESPACE),
                    LargeClusterScenario.namespaces().stream())
                .flatMap(s -> s)
                .toList()) {
          admin
              .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
              .create();
        }
        try (FooWatch watch = new FooWatch(admin);
            Bench bench = new Bench(cp, admin, watch, table, repo, build, out.getParent())) {
          return new Benchmark(bench, parameters).run();
        }
      }
    }
  }

  private BenchmarkResults run() {
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      starts.add((double) bench.restartOperator().startupToReady.toMillis());
    }
    Stats startup = Stats.of(starts);
    bench.table.row(
        "startup to ready (empty cluster, " + STARTS + " starts)",
        String.format("median %.0f ms, max %.0f ms", startup.p50(), startup.max()),
        "target < 1000 ms");
    // Idle: ready, nothing to do, the start-up's garbage and compilations behind it.
    Waits.sleep(IDLE_SETTLE.toMillis());
    Footprint.Result idle =
        Footprint.measure(bench, "idle (empty cluster): operator memory", "target RSS < 64 MiB");
    if (parameters.largeOnly()) {
      return BenchmarkResults.largeOnly(
          Machine.current(), parameters, startup, idle, largeClusters());
    }
    LatencyScenario.Result latency = new LatencyScenario(bench).run(parameters.latencySamples());

    CostPerEventScenario cost = new CostPerEventScenario(bench);
    cost.setUp("cost", 100);
    int[] costPods = IntStream.range(0, parameters.costOps() / 2).toArray();
    CostPerEventScenario.Result cost100 = cost.measure("cost", costPods, "cost per event at 100");
    ChurnScenario.Result churn = new ChurnScenario(bench).run();

    int largest = parameters.largestScale();
    List<ScaleScenario.Result> scales = new ArrayList<>();
    for (int n : parameters.scales()) {
      scales.add(new ScaleScenario(bench).run(n, n == largest ? parameters.costOps() : 0));
    }
    PluginTimer.Result plugin =
        scales.stream()
            .map(ScaleScenario.Result::plugin)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseGet(this::pluginSkipped);

    // Again at 100 Foos with a warm JIT: the fair baseline. The operator was restarted during the
    // largest run, so its JVM is fresh here: warm it up with as many events first.
    List<CostPerEventScenario.Result> warmup =
        List.of(
            cost.measure("cost", costPods, "cost per event at 100 warmup"),
            cost.measure("cost", costPods, "cost per event at 100 warmup"));
    CostPerEventScenario.Result cost100warm =
        cost.measure("cost", costPods, "cost per event at 100 warm");
    BenchmarkResults.CostRatio ratio =
        scales.stream()
            .map(ScaleScenario.Result::costPerEvent)
            .filter(Objects::nonNull)
            .findFirst()
            .map(big -> costRatio(largest, big, cost100warm))
            .orElse(null);
    return new BenchmarkResults(
        Machine.current(),
        parameters,
        startup,
        idle,
        latency.podCreatedToHappy(),
        latency.podDeletedToUnhappy(),
        cost100,
        churn,
        scales,
        plugin,
        warmup,
        cost100warm,
        ratio,
        largeClusters(),
        null);
  }

  /** After the scales: each starts an operator of its own. */
  private List<LargeClusterScenario.Result> largeClusters() {
    return parameters.large().stream().map(new LargeClusterScenario(bench)::runOrReport).toList();
  }

  private BenchmarkResults.CostRatio costRatio(
      int largest, CostPerEventScenario.Result big, CostPerEventScenario.Result warm) {
    double ratio = big.cpuMsPerEvent() / warm.cpuMsPerEvent();
    bench.table.row(
        "cost per event " + largest + " vs 100 Foos",
        String.format("%.2fx CPU", ratio),
        "target <= 1.5x");
    return new BenchmarkResults.CostRatio(largest, Stats.round(ratio));
  }

  /** Said, not silent: the plugin is timed over the Foos of that one scale. */
  private PluginTimer.Result pluginSkipped() {
    String why =
        "FOO_BENCH_SCALES has no " + PluginTimer.SCALE + ", the scale the plugin is timed at";
    bench.table.row("plugin", "skipped: " + why, "");
    return PluginTimer.Result.skipped(why);
  }
}
