package my.domain.tutorial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.ControlPlane;

/**
 * Wall time and peak memory of the kubectl plugin's commands, the JVM build and the native one: each
 * timed end to end through the real kubectl as a user runs it, set against {@code kubectl get foos
 * -A} timed in the same run, and timed again as {@code kubectl-foo} alone (without kubectl's own
 * start-up), which is also the process whose peak RSS is reported.
 */
final class PluginTimer {
  interface Row {
    void add(String what, String figure, String target);
  }

  private static final int RUNS = 5;
  /** GNU time: the peak RSS of the command it runs, in KiB, on stderr. */
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private final ControlPlane cp;
  private final Row row;

  private PluginTimer(ControlPlane cp, Row row) {
    this.cp = cp;
    this.row = row;
  }

  static Map<String, Object> measure(Path repo, ControlPlane cp, String namespace, String foo, Row row) {
    return new PluginTimer(cp, row).measure(repo, namespace, foo);
  }

  private Map<String, Object> measure(Path repo, String namespace, String foo) {
    Map<String, Object> m = new LinkedHashMap<>();
    String kubectl = cp.binaries().kubectl().toString();
    double baseline = median(List.of(kubectl, "get", "foos", "-A"), System.getenv("PATH"));
    m.put("kubectl_get_foos_A_median_ms", Stats.round(baseline));
    row.add("kubectl get foos -A (1,000 Foos), the yardstick", String.format("median %.0f ms", baseline), "");
    for (String flavour : List.of("jvm", "native")) {
      Path bin = repo.resolve("kubectl-foo/target/" + flavour + "/bin");
      Path plugin = bin.resolve("kubectl-foo");
      if (!Files.isExecutable(plugin)) {
        m.put(flavour, Map.of("skipped", plugin + " is not built (make " + (flavour.equals("jvm") ? "plugin" : "native")
            + ")"));
        row.add("plugin (" + flavour + ")", "NOT MEASURED: " + repo.relativize(plugin) + " is not built", "");
        continue;
      }
      m.put(flavour, flavour(flavour, bin, plugin, kubectl, baseline, namespace, foo));
    }
    return m;
  }

  private Map<String, Object> flavour(String flavour, Path bin, Path plugin, String kubectl, double baseline,
      String namespace, String foo) {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("version", List.of("version"));
    commands.put("get -A", List.of("get", "-A"));
    commands.put("why", List.of("why", foo, "-n", namespace));
    String path = bin + ":" + System.getenv("PATH");
    Map<String, Object> m = new LinkedHashMap<>();
    commands.forEach((name, args) -> {
      List<String> viaKubectl = new ArrayList<>(List.of(kubectl, "foo"));
      viaKubectl.addAll(args);
      double median = median(viaKubectl, path);
      List<String> direct = new ArrayList<>(List.of(plugin.toString()));
      direct.addAll(args);
      double directMedian = median(direct, path);
      long peakKib = peakRssKib(direct, path);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("median_ms", Stats.round(median));
      figures.put("direct_median_ms", Stats.round(directMedian));
      figures.put("ratio_to_kubectl_get_foos_A", Stats.round(median / baseline));
      figures.put("peak_rss_mib", peakKib < 0 ? "n/a" : Stats.round(peakKib / 1024.0));
      m.put(name.replace(" ", "_").replace("-", ""), figures);
      row.add("plugin (" + flavour + "): kubectl foo " + name + " (1,000 Foos)",
          String.format("median %.0f ms = %.2fx kubectl get foos -A; kubectl-foo alone %.0f ms, peak RSS %s", median,
              median / baseline, directMedian,
              peakKib < 0 ? "n/a (no /usr/bin/time)" : String.format("%.0f MiB", peakKib / 1024.0)),
          target(flavour, name));
    });
    return m;
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
    List<Double> times = new ArrayList<>();
    run(command, path); // warm the page cache: the first run of a binary pays for reading it from disk
    for (int i = 0; i < RUNS; i++) {
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

  /** Runs one command to its end and returns its stderr; exit 0 and 1 (an unhappy {@code why}) are answers. */
  private String run(List<String> command, String path) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("KUBECONFIG", cp.kubeconfig().toString());
    builder.environment().put("PATH", path);
    try {
      Process p = builder.start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc > 1) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + rc + ": " + err);
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
