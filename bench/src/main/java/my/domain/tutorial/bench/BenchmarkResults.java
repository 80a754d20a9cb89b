package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Every figure of one run. Snake case would write {@code costPerEventAt100} as {@code
 * cost_per_event_at100}: those names are given. {@code costPerEventAt100Warmup} holds the runs that
 * warm a freshly restarted operator's JIT before {@code costPerEventAt100Warm} is measured; {@code
 * costPerEventRatio} is null when no scale ran the cost scenario (no scales at all). {@code
 * realNode} is the operator image on a real node ({@link ImageScenario}), with {@code skipped}
 * saying why where it did not run; with {@code FOO_BENCH_NODE=only} it is the only figure and the
 * others are null.
 */
record BenchmarkResults(
    Machine machine,
    Parameters parameters,
    Stats startupToReadyEmpty,
    Footprint.Result idle,
    Stats latencyPodCreatedToHappy,
    Stats latencyPodDeletedToUnhappy,
    @JsonProperty("cost_per_event_at_100") CostPerEventScenario.Result costPerEventAt100,
    ChurnScenario.Result verdictNeutralChurn,
    List<ScaleScenario.Result> scaleRuns,
    PluginTimer.Result plugin,
    @JsonProperty("cost_per_event_at_100_warmup")
        List<CostPerEventScenario.Result> costPerEventAt100Warmup,
    @JsonProperty("cost_per_event_at_100_warm") CostPerEventScenario.Result costPerEventAt100Warm,
    CostRatio costPerEventRatio,
    List<LargeClusterScenario.Result> largeClusters,
    ImageScenario.Result realNode) {

  /** CPU per event at the largest scale over that at 100 Foos with a warm JIT. */
  record CostRatio(int largestFoos, double ratio) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** {@code FOO_BENCH_NODE=only}: the real-node figures alone. */
  static BenchmarkResults nodeOnly(
      Machine machine, Parameters parameters, ImageScenario.Result realNode) {
    return partial(machine, parameters, null, null, List.of(), realNode);
  }

  /** {@code FOO_BENCH_LARGE_ONLY=1}: start-up, idle and the large clusters. */
  static BenchmarkResults largeOnly(
      Machine machine,
      Parameters parameters,
      Stats startup,
      Footprint.Result idle,
      List<LargeClusterScenario.Result> large) {
    return partial(machine, parameters, startup, idle, large, null);
  }

  private static BenchmarkResults partial(
      Machine machine,
      Parameters parameters,
      Stats startup,
      Footprint.Result idle,
      List<LargeClusterScenario.Result> large,
      ImageScenario.Result realNode) {
    return new BenchmarkResults(
        machine,
        parameters,
        startup,
        idle,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of(),
        null,
        null,
        large,
        realNode);
  }

  /** With the real-node figures, measured after the process figures. */
  BenchmarkResults withRealNode(ImageScenario.Result node) {
    return new BenchmarkResults(
        machine,
        parameters,
        startupToReadyEmpty,
        idle,
        latencyPodCreatedToHappy,
        latencyPodDeletedToUnhappy,
        costPerEventAt100,
        verdictNeutralChurn,
        scaleRuns,
        plugin,
        costPerEventAt100Warmup,
        costPerEventAt100Warm,
        costPerEventRatio,
        largeClusters,
        node);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
