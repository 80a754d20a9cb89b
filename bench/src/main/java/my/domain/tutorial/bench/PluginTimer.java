package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and peak memory of the kubectl plugin's commands, the JVM build and the native one:
 * each timed end to end through the real kubectl as a user runs it, set against {@code kubectl get
 * foos -A} timed in the same run, and timed again as {@code kubectl-foo} alone (without kubectl's
 * own start-up), which is also the process whose peak RSS is reported.
 */
final class PluginTimer {
  /** The scale whose Foos the plugin's commands are timed over. */
  static final int SCALE = 1000;

  /** The plugin's figures, or why they are missing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      @JsonProperty("kubectl_get_foos_A_median_ms") Double kubectlGetFoosAMedianMs,
      Flavour jvm,
      @JsonProperty("native") Flavour nativeBuild,
      String skipped) {
    static Result skipped(String why) {
      return new Result(null, null, null, why);
    }
  }

  /** One build of the plugin: its three commands, or why it was not measured. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Flavour(Timing version, @JsonProperty("get_A") Timing getA, Timing why, String skipped) {}

  /** {@code peakRssMib} is null where GNU time is not installed. */
  record Timing(
      double medianMs,
      double directMedianMs,
      @JsonProperty("ratio_to_kubectl_get_foos_A") double ratioToKubectlGetFoosA,
      Double peakRssMib) {}

  private static final int RUNS = 5;

  /** GNU time: the peak RSS of the command it runs, in KiB, on stderr. */
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private final Bench bench;

  PluginTimer(Bench bench) {
    this.bench = bench;
  }

  Result measure(String namespace, String foo) {
    String kubectl = bench.cp.binaries().kubectl().toString();
    double baseline = median(List.of(kubectl, "get", "foos", "-A"), System.getenv("PATH"));
    bench.table.row(
        "kubectl get foos -A (1,000 Foos), the yardstick",
        String.format("median %.0f ms", baseline),
        "");
    return new Result(
        Stats.round(baseline),
        flavour("jvm", "plugin", kubectl, baseline, namespace, foo),
        flavour("native", "native", kubectl, baseline, namespace, foo),
        null);
  }

  /**
   * One {@code -A} command of one build on a large cluster (issue #24): its median through kubectl
   * against {@code kubectl get pods -A} on the same cluster, and the peak RSS of {@code
   * kubectl-foo} alone; a build that is not there is said.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LargeTiming(
      String flavour,
      String command,
      Double medianMs,
      @JsonProperty("ratio_to_kubectl_get_pods_A") Double ratioToKubectlGetPodsA,
      Double peakRssMib,
      String skipped) {}

  /** Large clusters: fewer runs, each lists every Pod. */
  private static final int LARGE_RUNS = 3;

  /**
   * {@code kubectl foo get -A}, {@code friends -A} and {@code why -A} against {@code kubectl get
   * pods -A} on the cluster as it is (the large-cluster scenario's), target at most 2x, for the JVM
   * and the native build; {@code what} labels the rows.
   */
  List<LargeTiming> measureLarge(String what) {
    String kubectl = bench.cp.binaries().kubectl().toString();
    double pods = median(List.of(kubectl, "get", "pods", "-A"), System.getenv("PATH"), LARGE_RUNS);
    bench.table.row(
        what + ": kubectl get pods -A, the yardstick", String.format("median %.0f ms", pods), "");
    List<LargeTiming> timings = new ArrayList<>();
    for (String flavour : List.of("jvm", "native")) {
      Path bin = bench.repo.resolve("kubectl-foo/target/" + flavour + "/bin");
      Path plugin = bin.resolve("kubectl-foo");
      for (List<String> args :
          List.of(List.of("get", "-A"), List.of("friends", "-A"), List.of("why", "-A"))) {
        String command = String.join(" ", args);
        if (!Files.isExecutable(plugin)) {
          timings.add(
              new LargeTiming(flavour, command, null, null, null, plugin + " is not built"));
          continue;
        }
        String path = bin + ":" + System.getenv("PATH");
        List<String> viaKubectl = new ArrayList<>(List.of(kubectl, "foo"));
        viaKubectl.addAll(args);
        double median = median(viaKubectl, path, LARGE_RUNS);
        List<String> direct = new ArrayList<>(List.of(plugin.toString()));
        direct.addAll(args);
        long peakKib = peakRssKib(direct, path);
        Double peakMib = peakKib < 0 ? null : Stats.round(peakKib / 1024.0);
        bench.table.row(
            what + ": plugin (" + flavour + ") kubectl foo " + command,
            String.format(
                "median %.0f ms = %.2fx kubectl get pods -A; kubectl-foo alone peak RSS %s",
                median,
                median / pods,
                peakMib == null ? "n/a (no /usr/bin/time)" : String.format("%.0f MiB", peakMib)),
            LargeClusterScenario.target("<= 2.0x", median / pods, 2.0, "x"));
        timings.add(
            new LargeTiming(
                flavour, command, Stats.round(median), Stats.round(median / pods), peakMib, null));
      }
    }
    return timings;
  }

  private Flavour flavour(
      String flavour,
      String makeTarget,
      String kubectl,
      double baseline,
      String namespace,
      String foo) {
    Path bin = bench.repo.resolve("kubectl-foo/target/" + flavour + "/bin");
    Path plugin = bin.resolve("kubectl-foo");
    if (!Files.isExecutable(plugin)) {
      bench.table.row(
          "plugin (" + flavour + ")",
          "NOT MEASURED: " + bench.repo.relativize(plugin) + " is not built",
          "");
      return new Flavour(null, null, null, plugin + " is not built (make " + makeTarget + ")");
    }
    String path = bin + ":" + System.getenv("PATH");
    Timing version = time(flavour, "version", List.of("version"), plugin, kubectl, baseline, path);
    Timing getA = time(flavour, "get -A", List.of("get", "-A"), plugin, kubectl, baseline, path);
    Timing why =
        time(flavour, "why", List.of("why", foo, "-n", namespace), plugin, kubectl, baseline, path);
    return new Flavour(version, getA, why, null);
  }

  private Timing time(
      String flavour,
      String name,
      List<String> args,
      Path plugin,
      String kubectl,
      double baseline,
      String path) {
    List<String> viaKubectl = new ArrayList<>(List.of(kubectl, "foo"));
    viaKubectl.addAll(args);
    double median = median(viaKubectl, path);
    List<String> direct = new ArrayList<>(List.of(plugin.toString()));
    direct.addAll(args);
    double directMedian = median(direct, path);
    long peakKib = peakRssKib(direct, path);
    bench.table.row(
        "plugin (" + flavour + "): kubectl foo " + name + " (1,000 Foos)",
        String.format(
            "median %.0f ms = %.2fx kubectl get foos -A; kubectl-foo alone %.0f ms, peak RSS %s",
            median,
            median / baseline,
            directMedian,
            peakKib < 0 ? "n/a (no /usr/bin/time)" : String.format("%.0f MiB", peakKib / 1024.0)),
        target(flavour, name));
    return new Timing(
        Stats.round(median),
        Stats.round(directMedian),
        Stats.round(median / baseline),
        peakKib < 0 ? null : Stats.round(peakKib / 1024.0));
  }

  private static String target(String flavour, String command) {
    if (!flavour.equals("native")) {
      return "";
    }
    return switch (command) {
      case "version" -> "target < 20 ms (kubectl-foo alone), RSS < 100 MiB";
      case "get -A" -> "target <= 1.0x, RSS < 100 MiB";
      default -> "target RSS < 100 MiB";
    };
  }

  private double median(List<String> command, String path) {
    return median(command, path, RUNS);
  }

  private double median(List<String> command, String path, int runs) {
    List<Double> times = new ArrayList<>();
    run(
        command,
        path); // warm the page cache: the first run of a binary pays for reading it from disk
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      run(command, path);
      times.add((System.nanoTime() - t0) / 1e6);
    }
    return Stats.of(times).p50();
  }

  /** The largest peak RSS of a few runs, or -1 where GNU time is not installed. */
  private long peakRssKib(List<String> command, String path) {
    if (!Files.isExecutable(GNU_TIME)) {
      return -1;
    }
    List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M"));
    timed.addAll(command);
    long peak = 0;
    for (int i = 0; i < 3; i++) {
      String[] lines = run(timed, path).split("\n");
      peak = Math.max(peak, Long.parseLong(lines[lines.length - 1].trim()));
    }
    return peak;
  }

  /**
   * Runs one command to its end and returns its stderr; exit 0 and 1 (an unhappy {@code why}) are
   * answers.
   */
  private String run(List<String> command, String path) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("KUBECONFIG", bench.cp.kubeconfig().toString());
    builder.environment().put("PATH", path);
    try {
      Process p = builder.start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc > 1) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + rc + ": " + err);
      }
      return err;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
