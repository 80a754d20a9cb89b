package my.domain.tutorial.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.RepoRoot;
import my.domain.tutorial.api.friendship.Reason;

/**
 * {@code make bench}: the operator as its own JVM against a real control plane on loopback, under
 * the scenarios of the benchmark issue. Prints a table and writes every figure as JSON. Numbers
 * only: nothing here passes or fails on a timing.
 *
 * <p>Environment: {@code FOO_BENCH_SCALES} (default {@code 1000,10000}), {@code FOO_BENCH_LATENCY_SAMPLES}
 * (default 200), {@code FOO_BENCH_COST_OPS} (default 100). Argument: the JSON file to write.
 */
public final class Benchmark {
  /** The scale whose Foos the plugin's commands are timed over. */
  private static final int PLUGIN_SCALE = 1000;
  private static final Duration LONG = Duration.ofMinutes(5);
  private static final List<String> SCALE_NAMESPACES = IntStream.range(0, 10).mapToObj(i -> "bench-" + i).toList();

  private final ControlPlane cp;
  private final KubernetesClient admin;
  private final FooWatch watch;
  private final Path operatorJar;
  private final Path logDir;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  private OperatorProcess operator;

  private Benchmark(ControlPlane cp, KubernetesClient admin, FooWatch watch, Path operatorJar, Path logDir) {
    this.cp = cp;
    this.admin = admin;
    this.watch = watch;
    this.operatorJar = operatorJar;
    this.logDir = logDir;
  }

  public static void main(String[] args) throws Exception {
    Path repo = RepoRoot.find();
    Path out = args.length > 0 ? Path.of(args[0]) : repo.resolve("bench/target/results.json");
    Files.createDirectories(out.getParent());
    int[] scales = Arrays.stream(System.getenv().getOrDefault("FOO_BENCH_SCALES", "1000,10000").split(","))
        .map(String::trim).mapToInt(Integer::parseInt).toArray();
    int latencySamples = Integer.parseInt(System.getenv().getOrDefault("FOO_BENCH_LATENCY_SAMPLES", "200"));
    int costOps = Integer.parseInt(System.getenv().getOrDefault("FOO_BENCH_COST_OPS", "100"));
    Path jar = operatorJar(repo);

    try (ControlPlane cp = ControlPlane.start(ControlPlaneBinaries.locate(), ControlPlaneConfig.throwaway())) {
      Config config = cp.adminConfig();
      config.setMaxConcurrentRequests(64);
      config.setMaxConcurrentRequestsPerHost(32);
      config.setRequestTimeout(60_000);
      try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(config).build()) {
        ClusterResources.installCrd(admin, FooCrd.RESOURCE);
        for (String ns : concat(SCALE_NAMESPACES, List.of("latency", "cost", "churn"))) {
          admin.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        try (FooWatch watch = new FooWatch(admin)) {
          Benchmark bench = new Benchmark(cp, admin, watch, jar, out.getParent());
          bench.run(scales, latencySamples, costOps, repo);
          bench.write(out);
        }
      }
    }
    System.exit(0);
  }

  private void run(int[] scales, int latencySamples, int costOps, Path repo) {
    results.put("machine", machine());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("scales", scales);
    params.put("latency_samples", latencySamples);
    params.put("cost_ops", costOps);
    params.put("client_threads", Workload.CLIENT_THREADS);
    params.put("operator_jvm", OperatorProcess.deploymentJvm());
    results.put("parameters", params);

    operator = startOperator();
    results.put("startup_to_ready_empty_ms", operator.startupToReady.toMillis());
    row("startup to ready (empty cluster)", operator.startupToReady.toMillis() + " ms", "");

    latency(latencySamples);
    costPerEvent("cost", 100, costOps);
    churn();
    int largest = Arrays.stream(scales).max().orElse(0);
    for (int n : scales) {
      scale(n, n == largest ? costOps : 0, repo);
    }
    if (Arrays.stream(scales).noneMatch(n -> n == PLUGIN_SCALE)) {
      // Said, not silent: the plugin is timed over the Foos of that one scale.
      String why = "FOO_BENCH_SCALES has no " + PLUGIN_SCALE + ", the scale the plugin is timed at";
      results.put("plugin", Map.of("skipped", why));
      row("plugin", "skipped: " + why, "");
    }
    // Again at 100 Foos with a warm JIT: the fair baseline. The operator was restarted during the
    // largest run, so its JVM is fresh here: warm it up with as many events first.
    measureToggles("cost", IntStream.range(0, costOps / 2).toArray(), "cost_per_event_at_100_warmup");
    measureToggles("cost", IntStream.range(0, costOps / 2).toArray(), "cost_per_event_at_100_warmup");
    Map<String, Object> cost100warm = measureToggles("cost", IntStream.range(0, costOps / 2).toArray(),
        "cost_per_event_at_100_warm");
    Object cost10k = results.get("cost_per_event_at_" + largest);
    if (cost10k instanceof Map<?, ?> big) {
      double ratio = ((Number) big.get("cpu_ms_per_event")).doubleValue()
          / ((Number) cost100warm.get("cpu_ms_per_event")).doubleValue();
      results.put("cost_per_event_ratio_" + largest + "_vs_100", Stats.round(ratio));
      row("cost per event " + largest + " vs 100 Foos", String.format("%.2fx CPU", ratio), "target <= 1.5x");
    }
    operator.close();
  }

  private OperatorProcess startOperator() {
    return OperatorProcess.start(operatorJar, cp.kubeconfig(), logDir.resolve("operator.log"),
        ControlPlaneConfig.freePort(), ControlPlaneConfig.freePort());
  }

  // --- latency -------------------------------------------------------------------------------

  private void latency(int samples) {
    String ns = "latency";
    for (int i = 0; i < samples; i++) {
      admin.resource(Foo.of(ns, "lat-" + i, "lat-pod-" + i)).create();
    }
    watch.awaitCount(s -> Boolean.FALSE.equals(s.happy()), samples, LONG);
    List<Double> created = new ArrayList<>();
    List<Double> deleted = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      CompletableFuture<Long> happy = watch.next(ns, "lat-" + i, true);
      long t0 = System.nanoTime();
      admin.resource(Workload.pod(ns, "lat-pod-" + i)).create();
      created.add(millisSince(t0, join(happy)));
    }
    for (int i = 0; i < samples; i++) {
      CompletableFuture<Long> unhappy = watch.next(ns, "lat-" + i, false);
      long t0 = System.nanoTime();
      admin.pods().inNamespace(ns).withName("lat-pod-" + i).withGracePeriod(0).delete();
      deleted.add(millisSince(t0, join(unhappy)));
    }
    Stats c = Stats.of(created);
    Stats d = Stats.of(deleted);
    results.put("latency_pod_created_to_happy", c.asMap());
    results.put("latency_pod_deleted_to_unhappy", d.asMap());
    row("latency pod created -> Happy=True", c.toString(), "target p99 < 100 ms");
    row("latency pod deleted -> Happy=False", d.toString(), "target p99 < 100 ms");
    admin.resources(Foo.class).inNamespace(ns).delete();
  }

  // --- cost per event ------------------------------------------------------------------------

  /** 100 happy Foos alone in the cluster, then toggles of their friend pods. */
  private Map<String, Object> costPerEvent(String ns, int foos, int ops) {
    watch.awaitGone("latency/", LONG);
    for (int i = 0; i < foos; i++) {
      admin.resource(Workload.pod(ns, "pod-" + i)).create();
      admin.resource(Foo.of(ns, "foo-" + i, "pod-" + i)).create();
    }
    watch.awaitCount(s -> Boolean.TRUE.equals(s.happy()), foos, LONG);
    return measureToggles(ns, IntStream.range(0, ops / 2).toArray(), "cost_per_event_at_" + foos);
  }

  /** Deletes and recreates the friend pod of foo-i in {@code ns} for each i: two pod events each. */
  private Map<String, Object> measureToggles(String ns, int[] indexes, String key) {
    int foosPresent = (int) watch.count(s -> true);
    awaitOperatorQuiet();
    double r0 = operator.reconciles();
    Duration cpu0 = operator.cpuTime();
    long wall0 = System.nanoTime();
    for (int i : indexes) {
      String pod = "pod-" + i;
      String foo = "foo-" + i;
      admin.pods().inNamespace(ns).withName(pod).withGracePeriod(0).delete();
      admin.pods().inNamespace(ns).withName(pod).waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS);
      watch.awaitReason(ns, foo, Reason.FriendNotFound.name(), LONG);
      CompletableFuture<Long> happy = watch.next(ns, foo, true);
      admin.resource(Workload.pod(ns, pod)).create();
      join(happy);
    }
    int events = indexes.length * 2;
    double reconciles = operator.reconciles() - r0;
    double busyMs = (operator.cpuTime().toNanos() - cpu0.toNanos()) / 1e6;
    // What the operator burns with nothing to do (GC, timers, watches) over as long a time is not
    // the events' cost: measure it right after and take it off.
    long wall = System.nanoTime() - wall0;
    Duration idle0 = operator.cpuTime();
    sleep(wall / 1_000_000);
    double idleMs = (operator.cpuTime().toNanos() - idle0.toNanos()) / 1e6;
    double cpuMs = Math.max(0, busyMs - idleMs);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("foos_present", foosPresent);
    m.put("pod_events", events);
    m.put("reconciles_per_event", Stats.round(reconciles / events));
    m.put("cpu_ms_per_event", Stats.round(cpuMs / events));
    m.put("idle_cpu_ms_subtracted", Stats.round(idleMs));
    results.put(key, m);
    row(key.replace('_', ' ') + " (" + foosPresent + " Foos)", String.format("%.2f reconciles, %.2f ms CPU",
        reconciles / events, cpuMs / events), "");
    return m;
  }

  /** Background work (GC, a big deletion's aftermath) would be billed to the events measured next. */
  private void awaitOperatorQuiet() {
    Poll.until(() -> {
      long before = operator.cpuTime().toMillis();
      sleep(1000);
      return operator.cpuTime().toMillis() - before < 20;
    }, LONG, Duration.ZERO);
  }

  // --- verdict-neutral churn -----------------------------------------------------------------

  private void churn() {
    String ns = "churn";
    int pods = 100;
    for (int i = 0; i < pods; i++) {
      admin.resource(Workload.pod(ns, "pod-" + i)).create();
      admin.resource(Foo.of(ns, "foo-" + i, "pod-" + i)).create();
    }
    admin.resource(Foo.of(ns, "marker", "marker-pod")).create();
    waitNamespaceSettled(ns, pods + 1);
    double r0 = operator.reconciles();
    double w0 = operator.statusWrites();
    double e0 = operator.eventsRecorded();
    Workload.parallel(pods, i -> {
      var pod = admin.pods().inNamespace(ns).withName("pod-" + i);
      pod.edit(p -> {
        p.getMetadata().getLabels().put("churn", "round-1");
        return p;
      });
      pod.edit(p -> {
        p.getMetadata().getAnnotations().put("churn/at", Long.toString(System.nanoTime()));
        return p;
      });
      pod.editStatus(p -> {
        p.getStatus().setMessage("status churn " + i);
        p.getStatus().setReason("Churned");
        return p;
      });
    });
    // A marker after the churn on the same Pod watch: once it is reconciled, so was the churn.
    CompletableFuture<Long> markerHappy = watch.next(ns, "marker", true);
    admin.resource(Workload.pod(ns, "marker-pod")).create();
    join(markerHappy);
    double reconciles = operator.reconciles() - r0 - 1;
    double writes = operator.statusWrites() - w0 - 1;
    double events = operator.eventsRecorded() - e0 - 1;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pod_updates", pods * 3);
    m.put("reconciles", reconciles);
    m.put("status_writes", writes);
    m.put("events", events);
    results.put("verdict_neutral_churn", m);
    row("verdict-neutral churn (" + pods * 3 + " pod updates)",
        String.format("%.0f reconciles, %.0f status writes, %.0f events", reconciles, writes, events), "target 0");
    admin.resources(Foo.class).inNamespace(ns).delete();
    admin.pods().inNamespace(ns).withGracePeriod(0).delete();
    watch.awaitGone(ns + "/", LONG);
  }

  private void waitNamespaceSettled(String ns, int foos) {
    boolean settled = Poll.until(() -> {
      long done = IntStream.range(0, foos - 1).filter(i -> {
        var s = watch.latest(ns, "foo-" + i);
        return s != null && Boolean.TRUE.equals(s.happy());
      }).count();
      var marker = watch.latest(ns, "marker");
      return done == foos - 1 && marker != null && marker.happy() != null;
    }, LONG, Duration.ofMillis(10));
    if (!settled) {
      throw new IllegalStateException(ns + " did not settle");
    }
  }

  // --- scale, footprint, writes, restart, plugin ----------------------------------------------

  private void scale(int n, int costOps, Path repo) {
    String tag = "scale_" + n;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("foos", n);
    m.put("pods", n);
    m.put("namespaces", SCALE_NAMESPACES.size());
    double w0 = operator.statusWrites();
    double e0 = operator.eventsRecorded();
    long t0 = watch.verdictTransitions();
    long f0 = watch.happinessFlips();
    long before = watch.count(s -> true);

    Workload.parallel(n, i -> admin.resource(Foo.of(ns(i), "foo-" + i, "pod-" + i)).create());
    watch.awaitCount(s -> s.happy() != null, before + n, LONG);
    long happyBefore = watch.count(s -> Boolean.TRUE.equals(s.happy()));

    double r0 = operator.reconciles();
    long tFirst = System.nanoTime();
    Workload.parallel(n, i -> admin.resource(Workload.pod(ns(i), "pod-" + i)).create());
    long tLast = System.nanoTime();
    long tAll = watch.awaitCount(s -> Boolean.TRUE.equals(s.happy()), happyBefore + n, LONG);
    double reconciles = operator.reconciles() - r0;
    m.put("pods_created_in_s", Stats.round((tLast - tFirst) / 1e9));
    m.put("all_happy_after_last_pod_s", Stats.round((tAll - tLast) / 1e9));
    m.put("reconciles_per_s", Stats.round(reconciles / ((tAll - tFirst) / 1e9)));
    row(n + " Foos: all happy after last pod", String.format("%.2f s (pods created in %.1f s, %.0f reconciles/s)",
        (tAll - tLast) / 1e9, (tLast - tFirst) / 1e9, reconciles / ((tAll - tFirst) / 1e9)), "target < 10 s at 10,000");

    long rss = operator.rssBytes();
    long heap = operator.heapAfterFullGcBytes();
    m.put("operator_rss_mib", Stats.round(rss / 1048576.0));
    m.put("operator_heap_after_full_gc_mib", Stats.round(heap / 1048576.0));
    row(n + " Foos + " + n + " pods: operator memory",
        String.format("RSS %.0f MiB, heap after full GC %.0f MiB", rss / 1048576.0, heap / 1048576.0),
        "target RSS < 300 MiB at 10,000");

    if (n == PLUGIN_SCALE) {
      results.put("plugin", PluginTimer.measure(repo, cp, "bench-0", "foo-0", this::row));
    }
    if (costOps > 0) {
      // foo-i lives in bench-(i % 10): the ones in bench-0 are 0, 10, 20, ...
      measureToggles("bench-0", IntStream.range(0, costOps / 2).map(k -> k * SCALE_NAMESPACES.size()).toArray(),
          "cost_per_event_at_" + n);
    }

    long tDel = System.nanoTime();
    Workload.deletePods(admin, SCALE_NAMESPACES);
    long tDelLast = System.nanoTime();
    long tUnhappy = awaitNoneHappyInScale(n);
    m.put("all_unhappy_after_last_delete_s", Stats.round((tUnhappy - tDelLast) / 1e9));
    row(n + " Foos: all unhappy after last delete", String.format("%.2f s (deletes issued in %.1f s)",
        (tUnhappy - tDelLast) / 1e9, (tDelLast - tDel) / 1e9), "");

    awaitSettledReasons();
    double writes = operator.statusWrites() - w0;
    double events = operator.eventsRecorded() - e0;
    long transitions = watch.verdictTransitions() - t0;
    long flips = watch.happinessFlips() - f0;
    m.put("status_writes", writes);
    m.put("verdict_transitions_seen", transitions);
    m.put("events_recorded", events);
    m.put("happiness_flips_seen", flips);
    row(n + " Foos: API writes vs transitions", String.format("%.0f status writes / %d verdict changes; "
        + "%.0f events / %d flips", writes, transitions, events, flips), "target equal");
    if (costOps > 0) {
      restart(n, m);
    }
    results.put(tag, m);

    SCALE_NAMESPACES.forEach(ns -> admin.resources(Foo.class).inNamespace(ns).delete());
    watch.awaitGone("bench-", LONG);
  }

  private long awaitNoneHappyInScale(int n) {
    boolean none = Poll.until(() -> IntStream.range(0, n).noneMatch(i -> {
      var s = watch.latest(ns(i), "foo-" + i);
      return s != null && !Boolean.FALSE.equals(s.happy());
    }), LONG, Duration.ofMillis(5));
    if (!none) {
      throw new IllegalStateException("Foos stayed happy after their pods were deleted");
    }
    return System.nanoTime();
  }

  /** Deletion may pass through FriendTerminating; wait until every verdict settled on FriendNotFound. */
  private void awaitSettledReasons() {
    Poll.until(() -> watch.count(s -> Reason.FriendTerminating.name().equals(s.reason())) == 0, LONG, Duration.ofMillis(10));
  }

  private void restart(int n, Map<String, Object> m) {
    operator.close();
    operator = startOperator();
    m.put("restart_startup_to_ready_ms", operator.startupToReady.toMillis());
    CompletableFuture<Long> unhappy = watch.next("bench-0", "restart-marker", false);
    admin.resource(Foo.of("bench-0", "restart-marker", "restart-marker-pod")).create();
    join(unhappy);
    CompletableFuture<Long> happy = watch.next("bench-0", "restart-marker", true);
    admin.resource(Workload.pod("bench-0", "restart-marker-pod")).create();
    join(happy);
    // The marker's own first verdict and its flip to happy are two writes; anything above is the restart's.
    double writes = operator.statusWrites() - 2;
    double events = operator.eventsRecorded() - 2;
    m.put("restart_status_writes", writes);
    m.put("restart_events", events);
    row("restart over " + n + " correct Foos", String.format("ready in %d ms; %.0f status writes, %.0f events",
        operator.startupToReady.toMillis(), writes, events), "target 0 writes");
    admin.resources(Foo.class).inNamespace("bench-0").withName("restart-marker").delete();
    admin.pods().inNamespace("bench-0").withName("restart-marker-pod").withGracePeriod(0).delete();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String ns(int i) {
    return SCALE_NAMESPACES.get(i % SCALE_NAMESPACES.size());
  }

  void row(String what, String figure, String target) {
    table.add(new String[] {what, figure, target});
    System.out.printf("%-44s %s%s%n", what, figure, target.isEmpty() ? "" : "   [" + target + "]");
  }

  private void write(Path out) throws IOException {
    Files.writeString(out, Serialization.asJson(results));
    System.out.println();
    System.out.println("| scenario | result | target |");
    System.out.println("|---|---|---|");
    table.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
    System.out.println();
    System.out.println("raw results: " + out);
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory_gib", Stats.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0));
    m.put("cpu", cpuModel());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("kubernetes", System.getProperty("k8s.version", "1.34.3"));
    return m;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Path operatorJar(Path repo) throws IOException {
    try (var files = Files.list(repo.resolve("operator/target"))) {
      return files.filter(f -> f.getFileName().toString().matches("operator-.*\\.jar")
          && !f.getFileName().toString().contains("sources")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the operator first: make build"));
    }
  }

  private static double millisSince(long t0, long t1) {
    return (t1 - t0) / 1e6;
  }

  private static long join(CompletableFuture<Long> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no matching watch event within 60s", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
