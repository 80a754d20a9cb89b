package my.domain.tutorial.kubectl.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * A kubeconfig user's {@code exec} credential plugin, run as client-go runs it: the command (a path
 * with a slash is relative to the kubeconfig file it came from, a bare name is looked up on PATH)
 * with its args and env added to ours, {@code KUBERNETES_EXEC_INFO} describing the call (and the
 * cluster, when the kubeconfig says {@code provideClusterInfo: true}); stdin passed through only in
 * interactive mode; its stderr passed through to ours (never read as part of its answer); stdout
 * read as an ExecCredential. The credential is kept until its expirationTimestamp, then the plugin
 * runs again (so a long {@code get -w} reconnects with a fresh one). fabric8 asks for the token
 * before each request ({@link OAuthTokenProvider}).
 *
 * <p>Every failure is exit 4 and names the step: the command is missing (with the kubeconfig's
 * installHint), it exited N, it timed out, its answer is unusable, or it needs a terminal.
 */
public final class ExecPlugin implements OAuthTokenProvider {
  /** How long a non-interactive plugin may take (an interactive one waits for its user). */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ExecConfig exec;
  private final Optional<Path> kubeconfigDir;
  private final String userName;
  private final boolean terminal;
  private final Clock clock;
  private final Supplier<ObjectNode> cluster;
  private ExecCredential current;

  /**
   * @param cluster the cluster the plugin is told about when it asks ({@code provideClusterInfo});
   *     asked for each run, once the flags applied ({@link ExecCluster})
   */
  public ExecPlugin(
      ExecConfig exec,
      Optional<Path> kubeconfigFile,
      String userName,
      boolean terminal,
      Clock clock,
      Supplier<ObjectNode> cluster) {
    this.exec = exec;
    this.cluster = cluster;
    this.kubeconfigDir = kubeconfigFile.map(f -> f.toAbsolutePath().getParent());
    this.userName = userName;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public synchronized String getToken() {
    return credential().token().orElse(null);
  }

  /** The current credential, running the plugin when there is none or it expired. */
  public synchronized ExecCredential credential() {
    if (current == null || !current.validAt(clock.instant())) {
      current = run();
    }
    return current;
  }

  /** Runs the plugin again, whatever the current credential says (the server rejected it). */
  public synchronized ExecCredential refresh() {
    current = run();
    return current;
  }

  /** {@code Never}, {@code IfAvailable} or {@code Always}; v1beta1 defaults to IfAvailable. */
  String interactiveMode() {
    return Optional.ofNullable(exec.getInteractiveMode())
        .filter(m -> !m.isEmpty())
        .orElse("IfAvailable");
  }

  boolean interactive() {
    return terminal && !"Never".equals(interactiveMode());
  }

  List<String> command() {
    String command = exec.getCommand();
    if (command.contains("/") && !Path.of(command).isAbsolute() && kubeconfigDir.isPresent()) {
      command = kubeconfigDir.get().resolve(command).normalize().toString();
    }
    List<String> line = new ArrayList<>();
    line.add(command);
    line.addAll(Optional.ofNullable(exec.getArgs()).orElse(List.of()));
    return line;
  }

  /**
   * KUBERNETES_EXEC_INFO as client-go sets it: the call's apiVersion, whether it is interactive,
   * and with {@code provideClusterInfo: true} the cluster ({@link ExecCluster}).
   */
  String execInfo() {
    ObjectNode info = Serialization.jsonMapper().createObjectNode();
    info.put("apiVersion", exec.getApiVersion());
    info.put("kind", "ExecCredential");
    ObjectNode spec = info.putObject("spec");
    if (Boolean.TRUE.equals(exec.getProvideClusterInfo())) {
      spec.set("cluster", cluster.get());
    }
    spec.put("interactive", interactive());
    return info.toString();
  }

  private ExecCredential run() {
    if (exec.getCommand() == null || exec.getCommand().isEmpty()) {
      throw failure("the kubeconfig's exec section names no command");
    }
    if (exec.getApiVersion() == null || exec.getApiVersion().isEmpty()) {
      throw failure("the kubeconfig's exec section has no apiVersion");
    }
    if ("Always".equals(interactiveMode()) && !terminal) {
      throw failure(
          "it needs a terminal (interactiveMode: Always) but stdin is not one; run the command"
              + " in a terminal");
    }
    ProcessBuilder pb = new ProcessBuilder(command());
    Map<String, String> env = pb.environment();
    for (ExecEnvVar v : Optional.ofNullable(exec.getEnv()).orElse(List.of())) {
      env.put(v.getName(), v.getValue() == null ? "" : v.getValue());
    }
    env.put("KUBERNETES_EXEC_INFO", execInfo());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectInput(
        interactive()
            ? ProcessBuilder.Redirect.INHERIT
            : ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw failure(
          "cannot run "
              + exec.getCommand()
              + (missing(exec.getCommand())
                  ? ": executable file not found"
                  : ": " + ApiErrors.oneLine(e))
              + Optional.ofNullable(exec.getInstallHint())
                  .filter(h -> !h.isBlank())
                  .map(h -> "; " + ApiErrors.oneLine(h))
                  .orElse("; install it or fix the kubeconfig's exec command"));
    }
    InputStream stdout = process.getInputStream();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "";
              }
            });
    try {
      if (!interactive() && !process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw failure("it did not answer within " + TIMEOUT.toSeconds() + "s");
      }
      int code = process.waitFor();
      String answer = out.get(10, TimeUnit.SECONDS);
      if (code != 0) {
        throw failure("it exited with status " + code + " (its messages are above)");
      }
      return ExecCredential.parse(answer, exec.getApiVersion());
    } catch (ExecCredential.Invalid e) {
      throw failure("its answer cannot be used: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw failure("interrupted");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("its output could not be read (" + ApiErrors.oneLine(e) + ")");
    }
  }

  private boolean missing(String command) {
    if (command.contains("/")) {
      return !Files.exists(Path.of(command().get(0)));
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return false;
      }
    }
    return true;
  }

  private PluginException failure(String what) {
    return new PluginException(
        ExitCodes.CLUSTER_UNUSABLE,
        "cannot get credentials for user \""
            + userName
            + "\" from its exec plugin ("
            + exec.getCommand()
            + "): "
            + what);
  }
}
