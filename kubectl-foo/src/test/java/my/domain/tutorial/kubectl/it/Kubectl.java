package my.domain.tutorial.kubectl.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import my.domain.tutorial.controlplane.ControlPlane;

/**
 * The real kubectl, with the built {@code kubectl-foo} and {@code kubectl_complete-foo} first on
 * PATH, so {@code kubectl foo ...} runs the plugin exactly as a user's shell would.
 *
 * <p>In the native test tier the plugin on PATH is the native binary and {@code
 * kubectlFoo.compareWith} names the JVM plugin's folder: every command that changes nothing on the
 * cluster then runs with both, and they must agree on exit code, stdout and stderr (ages aside,
 * which may tick between the two runs, and the plugin's folder, which kubectl's completion names).
 */
final class Kubectl {
  static final Path PLUGIN_DIR =
      Path.of(System.getProperty("kubectlFoo.dir", "target/jvm/bin")).toAbsolutePath();
  static final Optional<Path> COMPARE_WITH =
      Optional.ofNullable(System.getProperty("kubectlFoo.compareWith"))
          .filter(s -> !s.isBlank())
          .map(s -> Path.of(s).toAbsolutePath());
  // An age and the padding after it: a column of ages can be a character wider in one run.
  private static final Pattern AGE = Pattern.compile("\\b\\d+[smhdy](\\d+[smh])?\\b *");

  private final Path kubectl;
  private final Path home;
  private final Map<String, String> env;

  private Kubectl(Path kubectl, Path home, Map<String, String> env) {
    this.kubectl = kubectl;
    this.home = home;
    this.env = env;
  }

  /** kubectl as the admin of the control plane (its kubeconfig in KUBECONFIG). */
  static Kubectl admin(ControlPlane cp, Path home) {
    return new Kubectl(
        cp.binaries().kubectl(), home, Map.of("KUBECONFIG", cp.kubeconfig().toString()));
  }

  /** The same kubectl with another kubeconfig. */
  Kubectl withKubeconfig(Path kubeconfig) {
    Map<String, String> e = new HashMap<>(env);
    e.put("KUBECONFIG", kubeconfig.toString());
    return new Kubectl(kubectl, home, e);
  }

  Kubectl withEnv(String name, String value) {
    Map<String, String> e = new HashMap<>(env);
    e.put(name, value);
    return new Kubectl(kubectl, home, e);
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs kubectl with {@code input} on its standard input, as {@code ... | kubectl ARGS} would. */
  Result runWithInput(String input, String... args) {
    Result result = run(PLUGIN_DIR, input, args);
    COMPARE_WITH
        .filter(other -> changesNothing(args))
        .ifPresent(
            other -> {
              Result reference = run(other, input, args);
              if (reference.exitCode() != result.exitCode()
                  || !sameText(reference.out(), other, result.out())
                  || !sameText(reference.err(), other, result.err())) {
                throw new AssertionError(
                    "the plugin in "
                        + PLUGIN_DIR
                        + " and the one in "
                        + other
                        + " disagree\n=== "
                        + PLUGIN_DIR
                        + "\n"
                        + result
                        + "\n=== "
                        + other
                        + "\n"
                        + reference);
              }
            });
    return result;
  }

  /**
   * Plugin commands ({@code kubectl foo ...}, not kubectl's own, whose arguments may say "foo" as a
   * resource type) that may run twice: all but create and delete, unless those are dry runs.
   */
  static boolean changesNothing(String... args) {
    List<String> words = List.of(args);
    if (words.isEmpty() || !words.get(0).equals("foo")) {
      return false;
    }
    String command = words.size() > 1 ? words.get(1) : "";
    boolean mutating = command.equals("create") || command.equals("delete");
    return !mutating || words.stream().anyMatch(w -> w.startsWith("--dry-run"));
  }

  /**
   * Equal but for ages and for the plugin's own folder, which kubectl names in its completion debug
   * lines.
   */
  private static boolean sameText(String reference, Path referenceDir, String text) {
    return normalized(reference, referenceDir).equals(normalized(text, PLUGIN_DIR));
  }

  private static String normalized(String text, Path pluginDir) {
    return STACK_FRAME
        .matcher(ages(text.replace(pluginDir.toString(), "<plugin-dir>")))
        .replaceAll("");
  }

  /**
   * The frames of a stack trace {@code -v} prints: a native image's differ from the JVM's (no
   * reflection or lambda frames, other JDK internals), while its first line, the failure, must be
   * the same.
   */
  private static final Pattern STACK_FRAME =
      Pattern.compile("(?m)^\\s+(at |\\.\\.\\. \\d+ more).*\\R");

  /**
   * Ages replaced by {@code <age>}, with the padding after them: an age may tick between two runs
   * (9s, then 10s), which widens its column by one; everything else must be the same bytes.
   */
  static String ages(String text) {
    return AGE.matcher(text).replaceAll("<age> ");
  }

  private Result run(Path pluginDir, String input, String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATH", pluginDir + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      try (var stdin = p.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "kubectl " + String.join(" ", args) + " did not finish in 90s");
      }
      return new Result(p.exitValue(), out.join(), err.join(), String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts kubectl in the background (for {@code -w}); its output accumulates as it comes, and
   * {@link Running#interrupt} sends it the SIGINT of Ctrl-C.
   */
  Running start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATH", PLUGIN_DIR + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      Running running = new Running(p, new StringBuffer(), new StringBuffer());
      pump(p.getInputStream(), running.out);
      pump(p.getErrorStream(), running.err);
      return running;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pump(java.io.InputStream in, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              try (var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                  into.append(buffer, 0, n);
                }
              } catch (IOException e) {
                into.append("<read failed: ").append(e).append('>');
              }
            });
    t.setDaemon(true);
    t.start();
  }

  /** A kubectl running in the background. */
  record Running(Process process, StringBuffer out, StringBuffer err) {
    String stdout() {
      return out.toString();
    }

    /**
     * Ctrl-C (SIGINT), then waits for it to end; its exit code. A process started with SIGINT
     * ignored (as a test JVM run from a shell's background job may be, and its children with it)
     * cannot take it back in Java, so after 5 s it gets SIGTERM.
     */
    int interrupt() {
      try {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("kubectl did not end within 30s of SIGINT");
        }
        return process.exitValue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * A copy of the admin kubeconfig whose user authenticates with {@code token} instead (and,
   * optionally, another server).
   */
  static Path kubeconfigWithToken(ControlPlane cp, Path file, String token, String server) {
    try {
      Config config = Serialization.unmarshal(Files.readString(cp.kubeconfig()), Config.class);
      config.getUsers().get(0).getUser().setToken(token);
      if (server != null) {
        config.getClusters().get(0).getCluster().setServer(server);
      }
      Files.writeString(file, Serialization.asYaml(config));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of the admin kubeconfig with a second context, {@code extraContext}, on the same cluster
   * and user.
   */
  static Path kubeconfigWithContext(ControlPlane cp, Path file, String extraContext) {
    try {
      Config config = Serialization.unmarshal(Files.readString(cp.kubeconfig()), Config.class);
      NamedContext first = config.getContexts().get(0);
      config.getContexts().add(new NamedContext(first.getContext(), extraContext));
      Files.writeString(file, Serialization.asYaml(config));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one run did. */
  record Result(int exitCode, String out, String err, String command) {
    /** Standard output read as JSON ({@code -o json}); a test fails when it is not JSON. */
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return "kubectl "
          + command
          + " -> exit "
          + exitCode
          + "\n--- stdout\n"
          + out
          + "--- stderr\n"
          + err;
    }
  }
}
