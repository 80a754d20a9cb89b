package my.domain.tutorial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.ControlPlane;

/** Wall time of the kubectl plugin's commands, end to end through the real kubectl, as a user runs them. */
final class PluginTimer {
  interface Row {
    void add(String what, String figure, String target);
  }

  private static final int RUNS = 5;

  private PluginTimer() {
  }

  static Map<String, Object> measure(Path repo, ControlPlane cp, String namespace, String foo, Row row) {
    Path launcher = repo.resolve("kubectl-foo/target/kubectl-foo");
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Files.isExecutable(launcher)) {
      m.put("skipped", "kubectl-foo/target/kubectl-foo is not built");
      row.add("plugin", "skipped: kubectl-foo not built", "");
      return m;
    }
    String kubectl = cp.binaries().kubectl().toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("version", List.of(kubectl, "foo", "version"));
    commands.put("get -A", List.of(kubectl, "foo", "get", "-A"));
    commands.put("why", List.of(kubectl, "foo", "why", foo, "-n", namespace));
    String path = launcher.getParent() + ":" + cp.binaries().dir() + ":" + System.getenv("PATH");
    commands.forEach((name, command) -> {
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        times.add(time(command, cp.kubeconfig(), path));
      }
      Stats s = Stats.of(times);
      m.put(name.replace(" ", "_").replace("-", ""), Map.of("median_ms", Stats.round(s.p50()), "max_ms",
          Stats.round(s.max()), "runs", RUNS));
      row.add("plugin: kubectl foo " + name + " (1,000 Foos)", String.format("median %.0f ms, max %.0f ms",
          s.p50(), s.max()), "target < 1 s");
    });
    return m;
  }

  private static double time(List<String> command, Path kubeconfig, String path) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("PATH", path);
    long t0 = System.nanoTime();
    try {
      Process p = builder.start();
      int rc = p.waitFor();
      double ms = (System.nanoTime() - t0) / 1e6;
      if (rc > 1) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
      }
      return ms;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
