package my.domain.tutorial.kubectl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.kube.KubeconfigClientFactory;

/**
 * Runs the plugin in-process as a user would, with captured stdout and stderr and the exit code.
 */
public final class PluginRun {
  private final Map<String, String> env;
  private final Clock clock;

  private PluginRun(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /** A plugin whose KUBECONFIG is the given file (HOME points at an empty folder). */
  public static PluginRun withKubeconfig(Path kubeconfig, Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("HOME", kubeconfig.getParent().resolve("home").toString());
    return new PluginRun(env, clock);
  }

  public static PluginRun withEnv(Map<String, String> env, Clock clock) {
    return new PluginRun(new HashMap<>(env), clock);
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Plugin plugin =
        new Plugin(
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            clock,
            new KubeconfigClientFactory(env));
    int code = KubectlFoo.run(plugin, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one invocation did. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /**
   * Writes a kubeconfig for {@code server} with a token user and a context (namespace optional).
   */
  public static Path kubeconfig(Path dir, String server, String token, String namespace) {
    String yaml =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n    server: "
            + server
            + "\n    insecure-skip-tls-verify: true\nusers:\n- name: tester\n  user:\n    token: "
            + token
            + "\ncontexts:\n- name: test\n  context:\n    cluster: test\n    user: tester\n"
            + (namespace == null ? "" : "    namespace: " + namespace + "\n")
            + "current-context: test\n";
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("kubeconfig");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
