package my.domain.tutorial.bench;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.testsupport.PrometheusText;

/**
 * The operator as production runs it: its own JVM from the operator jar, talking to the API server
 * over HTTPS, sized like the shipped Deployment: the JVM sees the container's memory limit as its
 * RAM ({@code -XX:MaxRAM}) and gets the Deployment's own {@code JAVA_TOOL_OPTIONS}.
 */
final class OperatorProcess implements AutoCloseable {
  /** The JVM options the shipped Deployment gives the operator, read from its manifest. */
  static List<String> deploymentJvm() {
    Deployment deployment =
        ClusterResources.load(OperatorDefaults.MANIFESTS + "deployment.yaml", Deployment.class);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    long limit =
        Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
            .longValueExact();
    List<String> options = new ArrayList<>();
    options.add("-XX:MaxRAM=" + limit);
    container.getEnv().stream()
        .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
        .findFirst()
        .ifPresent(e -> options.addAll(List.of(e.getValue().trim().split("\\s+"))));
    return options;
  }

  private final Process process;
  private final int healthPort;
  private final int metricsPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Duration startupToReady;

  private OperatorProcess(
      Process process, int healthPort, int metricsPort, Duration startupToReady) {
    this.process = process;
    this.healthPort = healthPort;
    this.metricsPort = metricsPort;
    this.startupToReady = startupToReady;
  }

  static OperatorProcess start(
      Path operatorJar, Path kubeconfig, Path logFile, int healthPort, int metricsPort) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(deploymentJvm());
    command.add("-jar");
    command.add(operatorJar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    // Operator settings (FOO_*) given to `make bench` reach the operator, so variants can be
    // measured.
    env.keySet().removeIf(k -> k.startsWith("FOO_"));
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("FOO_") && !k.startsWith("FOO_BENCH_")) {
                env.put(k, v);
              }
            });
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("FOO_HEALTH_PORT", Integer.toString(healthPort));
    env.put("FOO_METRICS_PORT", Integer.toString(metricsPort));
    env.put("FOO_LOG_LEVEL", "WARN");
    long t0 = System.nanoTime();
    try {
      Process process = builder.start();
      OperatorProcess op = new OperatorProcess(process, healthPort, metricsPort, Duration.ZERO);
      boolean ready =
          Poll.until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the operator exited with " + process.exitValue() + "; see " + logFile);
                }
                return op.get(healthPort, "/readyz").status() == 200;
              },
              Duration.ofSeconds(120),
              Duration.ofMillis(20));
      if (ready) {
        return new OperatorProcess(
            process, healthPort, metricsPort, Duration.ofNanos(System.nanoTime() - t0));
      }
      process.destroyForcibly();
      throw new IllegalStateException("the operator was not ready within 120s; see " + logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  record Reply(int status, String body) {}

  Reply get(int port, String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Reply(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The sum over label sets of one Prometheus metric. */
  double metric(String name) {
    return PrometheusText.sum(get(metricsPort, "/metrics").body(), name);
  }

  double reconciles() {
    return metric("operator_sdk_reconciliations_started_total");
  }

  double statusWrites() {
    return metric("foo_status_patches_total");
  }

  double eventsRecorded() {
    return metric("foo_events_recorded_total");
  }

  /** CPU time (user + system) the operator process has used so far. */
  Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Resident set size, from /proc. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for pid " + pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Heap in use right after a full GC forced through jcmd. */
  long heapAfterFullGcBytes() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process gc =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
              .redirectErrorStream(true)
              .start();
      gc.getInputStream().readAllBytes();
      gc.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return (long)
        PrometheusText.sum(
            get(metricsPort, "/metrics").body(), "jvm_memory_used_bytes", "area=\"heap\"");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  int healthPort() {
    return healthPort;
  }
}
