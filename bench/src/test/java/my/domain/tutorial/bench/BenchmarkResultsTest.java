package my.domain.tutorial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON keys are what earlier results files and docs/benchmarks.md are compared on. */
class BenchmarkResultsTest {
  private static final PluginTimer.Timing TIMING = new PluginTimer.Timing(100, 90, 1.5, null);

  @Test
  void jsonKeepsTheFlatSnakeCaseNamesOfAScaleRun() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                results(
                        new PluginTimer.Result(
                            70.0,
                            new PluginTimer.Flavour(TIMING, TIMING, TIMING, null),
                            new PluginTimer.Flavour(
                                null,
                                null,
                                null,
                                "kubectl-foo/target/native/bin/kubectl-foo is not built"),
                            null))
                    .toJson());

    JsonNode scale = json.get("scale_runs").get(0);
    assertThat(fieldNames(scale))
        .containsExactly(
            "foos",
            "pods",
            "namespaces",
            "pods_created_in_s",
            "all_happy_after_last_pod_s",
            "reconciles_per_s",
            "operator_rss_mib",
            "operator_heap_after_full_gc_mib",
            "operator_threads",
            "all_unhappy_after_last_delete_s",
            "status_writes",
            "verdict_transitions_seen",
            "events_recorded",
            "happiness_flips_seen",
            "restart_startup_to_ready_ms",
            "restart_converged_ms",
            "restart_status_writes",
            "restart_events",
            "cost_per_event");
    assertThat(json.get("latency_pod_created_to_happy").get("p99_ms").asDouble()).isEqualTo(3.0);
    assertThat(json.get("parameters").get("latency_samples").asInt()).isEqualTo(3);
    assertThat(fieldNames(json.get("idle")))
        .containsExactly("operator_rss_mib", "operator_heap_after_full_gc_mib", "operator_threads");
    assertThat(json.get("startup_to_ready_empty").get("p50_ms").asDouble()).isEqualTo(2.0);
    assertThat(fieldNames(json))
        .contains(
            "cost_per_event_at_100",
            "cost_per_event_at_100_warmup",
            "cost_per_event_at_100_warm",
            "cost_per_event_ratio");

    JsonNode plugin = json.get("plugin");
    assertThat(plugin.get("kubectl_get_foos_A_median_ms").asDouble()).isEqualTo(70.0);
    assertThat(fieldNames(plugin.get("jvm"))).containsExactly("version", "get_A", "why");
    assertThat(fieldNames(plugin.get("jvm").get("get_A")))
        .containsExactly(
            "median_ms", "direct_median_ms", "ratio_to_kubectl_get_foos_A", "peak_rss_mib");
    // Not measured is said, not dropped.
    assertThat(plugin.get("jvm").get("why").get("peak_rss_mib").isNull()).isTrue();
    assertThat(plugin.get("native").get("skipped").asText()).contains("is not built");
  }

  @Test
  void aSkippedPluginSaysWhy() throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(results(PluginTimer.Result.skipped("no 1000")).toJson());

    assertThat(fieldNames(json.get("plugin"))).containsExactly("skipped");
    assertThat(json.get("scale_runs").get(0).has("restart_events")).isTrue();
  }

  @Test
  void aLargeClusterThatDidNotConvergeSaysHowManyFoosWereRight() throws Exception {
    JsonNode large = new ObjectMapper().readTree(results(PluginTimer.Result.skipped("x")).toJson());

    JsonNode run = large.get("large_clusters").get(0);
    assertThat(run.has("all_happy_after_last_pod_s")).isFalse();
    assertThat(run.get("happy_at_limit").asLong()).isEqualTo(990);
    assertThat(run.get("rss_target_mib").asInt()).isEqualTo(128);
    assertThat(run.get("heap_bytes_per_pod").asDouble()).isEqualTo(600);
    assertThat(run.get("restart").get("peak_rss_mib").asDouble()).isEqualTo(160);
    assertThat(run.get("restart").has("failed")).isFalse();
    assertThat(large.get("parameters").get("large").get(0).get("pods").asInt()).isEqualTo(100000);
    assertThat(run.get("plugin").get(0).get("ratio_to_kubectl_get_pods_A").asDouble())
        .isEqualTo(1.5);
    assertThat(fieldNames(run.get("plugin").get(1)))
        .containsExactly("flavour", "command", "skipped");
  }

  @Test
  void largeClusterSizesAreFoosByPodsWithTheIssuesTargets() {
    assertThat(LargeClusterScenario.Size.parse("1000x100000").rssTargetMib()).isEqualTo(128);
    assertThat(LargeClusterScenario.Size.parse("50000x50000").rssTargetMib()).isEqualTo(256);
    assertThat(Parameters.from(java.util.Map.of("FOO_BENCH_LARGE", "0"), List.of()).large())
        .isEmpty();
    assertThatThrownBy(() -> LargeClusterScenario.Size.parse("100x10"))
        .hasMessageContaining("foos <= pods");
  }

  @Test
  void aMissedTargetSaysByHowMuch() {
    assertThat(LargeClusterScenario.target("RSS < 128 MiB", 140.04, 128, "MiB"))
        .isEqualTo("target RSS < 128 MiB: **missed by 12.0 MiB**");
    assertThat(LargeClusterScenario.target("< 60 s", 1.5, 60, "s")).isEqualTo("target < 60 s: met");
    assertThat(LargeClusterScenario.target("< 60 s", Double.POSITIVE_INFINITY, 60, "s"))
        .contains("did not converge");
  }

  @Test
  void friendPodsAreSpreadOverTheCreationOrder() {
    var size = LargeClusterScenario.Size.parse("1000x100000");
    assertThat(LargeClusterScenario.friendOf(0, size)).isZero();
    assertThat(LargeClusterScenario.friendOf(999, size)).isEqualTo(99_900);
    assertThat(LargeClusterScenario.friendOf(7, LargeClusterScenario.Size.parse("50x50")))
        .isEqualTo(7);
  }

  @Test
  void tablePrintsEachRowAndRendersMarkdown() {
    List<String> printed = new ArrayList<>();
    Table table = new Table(printed::add);

    table.row("startup to ready (empty cluster)", "2100 ms", "");
    table.row("restart", "ready in 3 ms", "target 0 writes");

    assertThat(printed)
        .containsExactly(
            "startup to ready (empty cluster)             2100 ms",
            "restart                                      ready in 3 ms   [target 0 writes]");
    assertThat(table.markdown())
        .isEqualTo(
            """
        | scenario | result | target |
        |---|---|---|
        | startup to ready (empty cluster) | 2100 ms |  |
        | restart | ready in 3 ms | target 0 writes |
        """);
  }

  private static BenchmarkResults results(PluginTimer.Result plugin) {
    Stats stats = Stats.of(List.of(1.0, 2.0, 3.0));
    var cost = new CostPerEventScenario.Result(100, 100, 1.0, 3.5, 12.0);
    var scale =
        new ScaleScenario.Result(
            1000,
            1000,
            10,
            6.0,
            0.3,
            158,
            new Footprint.Result(227, 25, 31, null),
            0.01,
            new WriteCounter.Result(3100, 3100, 3000, 3000),
            new RestartScenario.Result(3800, 5100, 0, 0),
            cost,
            plugin);
    return new BenchmarkResults(
        new Machine(2, 24, "cpu", "java", "1.34.3"),
        new Parameters(
            List.of(1000),
            3,
            100,
            8,
            List.of("-XX:+UseSerialGC"),
            "auto",
            1000,
            List.of(LargeClusterScenario.Size.parse("1000x100000")),
            false),
        stats,
        new Footprint.Result(141, 20, 30, null),
        stats,
        stats,
        cost,
        new ChurnScenario.Result(300, 0, 0, 0),
        List.of(scale),
        plugin,
        List.of(cost, cost),
        cost,
        new BenchmarkResults.CostRatio(1000, 0.27),
        List.of(
            new LargeClusterScenario.Result(
                1000,
                100000,
                100,
                384L,
                5.0,
                400.0,
                250.0,
                null,
                990L,
                140.0,
                128,
                90.0,
                40,
                3.0,
                0.4,
                900.0,
                600.0,
                new LargeClusterScenario.Restart(4.5, 160.0, 150.0, null),
                List.of(
                    new PluginTimer.LargeTiming("jvm", "why -A", 900.0, 1.5, 120.0, null),
                    new PluginTimer.LargeTiming("native", "get -A", null, null, null, "not built")),
                null),
            LargeClusterScenario.Result.failed(
                LargeClusterScenario.Size.parse("50000x50000"), "the operator exited")),
        ImageScenario.Result.skipped("FOO_BENCH_NODE=0"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
