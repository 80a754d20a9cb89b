package my.domain.tutorial.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.PrometheusText;
import my.domain.tutorial.testsupport.ShippedDeployment;

/**
 * The operator as production runs it: its own JVM from the operator jar, talking to the API server
 * over HTTPS, configured like the shipped Deployment: the JVM sees the container's memory limit as
 * its RAM ({@code -XX:MaxRAM}) and gets the Deployment's own {@code JAVA_TOOL_OPTIONS} and
 * environment (leader election on, JSON logs).
 */
final class OperatorProcess implements AutoCloseable {
  /**
   * {@code FOO_BENCH_NMT=1} adds Native Memory Tracking to the operator's JVM, so each footprint
   * row also says where the memory goes. Off by default: tracking costs a little memory itself, and
   * the figures are those of the shipped configuration.
   */
  static final String NMT_SETTING = "FOO_BENCH_NMT";

  /** Replaces the manifest's {@code JAVA_TOOL_OPTIONS}, to measure a variant of them. */
  static final String JVM_VARIANT_SETTING = "FOO_BENCH_JVM_OPTIONS";

  /** The JVM options the shipped Deployment gives the operator ({@link ShippedDeployment}). */
  static List<String> deploymentJvm() {
    return ShippedDeployment.load().jvmOptions(System.getenv(JVM_VARIANT_SETTING));
  }

  /** How long a start is waited for, on an empty or small cluster. */
  static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private final Process process;
  private final boolean nativeBuild;
  private final int healthPort;
  private final int metricsPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Duration startupToReady;

  /** {@link System#nanoTime()} just before the process was started. */
  final long spawnedAtNanos;

  private OperatorProcess(
      Process process,
      boolean nativeBuild,
      int healthPort,
      int metricsPort,
      Duration startupToReady,
      long spawnedAtNanos) {
    this.process = process;
    this.nativeBuild = nativeBuild;
    this.healthPort = healthPort;
    this.metricsPort = metricsPort;
    this.startupToReady = startupToReady;
    this.spawnedAtNanos = spawnedAtNanos;
  }

  static OperatorProcess start(
      OperatorBuild build,
      OptionalLong limitMib,
      Path kubeconfig,
      Path logFile,
      int healthPort,
      int metricsPort,
      Duration readyWithin) {
    ProcessBuilder builder = build.process(System.getenv(), limitMib);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    // Operator settings (FOO_*) given to `make bench` override the manifest's, so variants can be
    // measured.
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("FOO_") && !k.startsWith("FOO_BENCH_")) {
                env.put(k, v);
              }
            });
    env.put("KUBECONFIG", kubeconfig.toString());
    // What the kubelet fills in from the Pod: the Lease lives in the operator's namespace.
    env.put(OperatorSettings.OPERATOR_NAMESPACE, OperatorDefaults.NAMESPACE);
    env.put("FOO_HEALTH_PORT", Integer.toString(healthPort));
    env.put("FOO_METRICS_PORT", Integer.toString(metricsPort));
    // The bench scrapes often and anonymously; a TokenReview and a SubjectAccessReview per scrape
    // would add API load to what is measured. The shipped HTTPS /metrics is SecureMetricsIT's.
    env.put("FOO_METRICS_SECURE", "false");
    env.put("FOO_LOG_LEVEL", "WARN");
    long t0 = System.nanoTime();
    try {
      Process process = builder.start();
      OperatorProcess op =
          new OperatorProcess(
              process, build.isNative(), healthPort, metricsPort, Duration.ZERO, t0);
      boolean ready =
          Poll.until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the operator exited with " + process.exitValue() + "; see " + logFile);
                }
                // With leader election a standby is ready too ("ok: standby ..."); start-up ends
                // when this process leads and its informers are synced.
                Reply readyz = op.get(healthPort, "/readyz");
                return readyz.status() == 200 && readyz.body().equals("ok\n");
              },
              readyWithin,
              Duration.ofMillis(5));
      if (ready) {
        return new OperatorProcess(
            process,
            build.isNative(),
            healthPort,
            metricsPort,
            Duration.ofNanos(System.nanoTime() - t0),
            t0);
      }
      process.destroyForcibly();
      throw new IllegalStateException(
          "the operator was not ready within " + readyWithin.toSeconds() + " s; see " + logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
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

  /** The whole {@code /metrics} exposition. */
  String metricsText() {
    return get(metricsPort, "/metrics").body();
  }

  /** The sum over label sets of one Prometheus metric. */
  double metric(String name) {
    return PrometheusText.sum(get(metricsPort, "/metrics").body(), name);
  }

  double reconciles() {
    return metric("operator_sdk_reconciliations_started_total");
  }

  /**
   * Whether at least {@code n} reconciliations ran and all of them succeeded, none still running:
   * on a restart the SDK reconciles every Foo it lists once, so this is "nothing left to do". A
   * failed reconciliation will be retried, so it is something left to do.
   */
  boolean reconciledAtLeast(int n) {
    String text = get(metricsPort, "/metrics").body();
    String started = "operator_sdk_reconciliations_started_total";
    String succeeded = "operator_sdk_reconciliations_success_total";
    if (!text.contains(started) || !text.contains(succeeded)) {
      return false; // the SDK registers these meters with the first reconciliation
    }
    double began = PrometheusText.sum(text, started);
    return began >= n && PrometheusText.sum(text, succeeded) >= began;
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
    return Long.parseLong(procStatus("VmRSS:").replaceAll("[^0-9]", "")) * 1024;
  }

  /** The most resident memory the process has had so far ({@code VmHWM}), from /proc. */
  long peakRssBytes() {
    return Long.parseLong(procStatus("VmHWM:").replaceAll("[^0-9]", "")) * 1024;
  }

  private String procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field)) {
          return line.substring(field.length()).trim();
        }
      }
      throw new IllegalStateException("no " + field + " for pid " + pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String jcmd(String... command) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(Long.toString(pid()));
    args.addAll(List.of(command));
    try {
      Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean nativeMemoryTracked(OperatorBuild build) {
    return "1".equals(System.getenv(NMT_SETTING)) && !build.isNative();
  }

  /** Threads of the process, from /proc. */
  int threads() {
    return Integer.parseInt(procStatus("Threads:"));
  }

  /** Where the memory goes, when the JVM tracks it ({@link #NMT_SETTING}). */
  NativeMemory nativeMemory() {
    return NativeMemory.parse(jcmd("VM.native_memory", "summary"));
  }

  /** The live objects by class, largest first (a full GC first): where the heap goes. */
  String classHistogram() {
    return jcmd("GC.class_histogram");
  }

  /**
   * Heap in use right after a full GC forced through jcmd; for the native executable, which jcmd
   * cannot reach, the heap in use as it stands.
   */
  long heapAfterFullGcBytes() {
    if (!nativeBuild) {
      jcmd("GC.run");
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
