package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.DirectoryTrees;

/**
 * The shipped operator as a process, as the kubelet runs it: the native executable in the native
 * tier, else the jar ({@link ShippedDeployment#shippedProcess}), with the Deployment's environment,
 * what the kubelet fills in from the Pod, and a kubeconfig holding a token of the operator's
 * ServiceAccount (so the shipped RBAC is what it has). Its output, one JSON object per line, goes
 * to {@link #log}. {@link #close} kills it and deletes its directory (the log, the kubeconfig and
 * its token).
 */
public final class ShippedOperatorProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path dir;
  private final Path log;
  private final int healthPort;

  private ShippedOperatorProcess(Process process, Path dir, int healthPort) {
    this.process = process;
    this.dir = dir;
    this.log = dir.resolve("operator.log");
    this.healthPort = healthPort;
  }

  /**
   * Starts it as Pod {@code identity} of the shipped Deployment; {@code settings} are further
   * {@code FOO_*} settings (say shorter lease timings), as a patched manifest would give them.
   */
  public static ShippedOperatorProcess start(
      ControlPlane cp, String identity, Map<String, String> settings) {
    try {
      Path dir = Files.createTempDirectory("shipped-operator-" + identity);
      Path log = dir.resolve("operator.log");
      int health = ControlPlaneConfig.freePort();
      ProcessBuilder builder =
          ShippedDeployment.load()
              .shippedProcess()
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("KUBERNETES_"));
      env.put("FOO_OPERATOR_NAMESPACE", OperatorDefaults.NAMESPACE);
      env.put("POD_NAME", identity);
      env.put("KUBECONFIG", serviceAccountKubeconfig(cp, dir).toString());
      env.put("FOO_HEALTH_PORT", Integer.toString(health));
      env.put("FOO_METRICS_PORT", Integer.toString(ControlPlaneConfig.freePort()));
      env.putAll(settings);
      return new ShippedOperatorProcess(builder.start(), dir, health);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where its output goes. */
  public Path log() {
    return log;
  }

  /** Its process id, to read what the kernel says of it under {@code /proc}. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The status of GET {@code path} on its health port; -1 while nothing listens there. Fails when
   * the process has exited, with the end of its log, so a wait on it does not outlive a crash.
   */
  public int probe(String path) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the operator exited with " + process.exitValue() + "; the end of its log:\n" + tail());
    }
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException notListening) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGTERM, as the kubelet stops a container; true when it exited within {@code patience}. */
  public boolean stop(Duration patience) throws InterruptedException {
    process.destroy();
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGKILL: a crashed replica or a lost node, with no chance to release anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException, IOException {
    kill();
    DirectoryTrees.delete(dir);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static Path serviceAccountKubeconfig(ControlPlane cp, Path dir) throws IOException {
    String token =
        ServiceAccountTokens.mint(
            cp.adminClient(), OperatorDefaults.NAMESPACE, OperatorDefaults.SERVICE_ACCOUNT);
    Config admin = cp.adminConfig();
    String ca =
        admin.getCaCertData() != null
            ? admin.getCaCertData()
            : Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: foo-operator
          user:
            token: %s
        contexts:
        - name: foo-operator
          context:
            cluster: local
            user: foo-operator
            namespace: %s
        current-context: foo-operator
        """
            .formatted(cp.server(), ca, token, OperatorDefaults.NAMESPACE));
    return file;
  }
}
