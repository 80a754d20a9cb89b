package my.domain.tutorial.kubectl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.kube.KubeconfigClientFactory;

/**
 * The build's training run for the class-data-sharing archive (hidden {@code __cds-training}): runs
 * typical invocations in one JVM so the archive holds the classes they load. It touches no cluster:
 * the one request goes to a closed port on loopback and fails.
 */
final class CdsTraining {
  static final String COMMAND = "__cds-training";

  private CdsTraining() {}

  static int run() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("kubectl-foo-cds");
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: nowhere
            cluster:
              server: https://127.0.0.1:1
          users:
          - name: nobody
            user:
              token: training
          contexts:
          - name: nowhere
            context:
              cluster: nowhere
              user: nobody
              namespace: default
          current-context: nowhere
          """);
      Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString());
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      Plugin plugin =
          new Plugin(discard, discard, env, Clock.systemUTC(), new KubeconfigClientFactory(env));
      for (List<String> args :
          List.of(
              List.of("--help"),
              List.of("version"),
              List.of("get", "--help"),
              List.of("why", "--help"),
              List.of("create", "cds", "--friend", "jack", "--dry-run=client", "-o", "yaml"),
              List.of("create", "cds", "--friend", "jack", "--dry-run=client", "-o", "json"),
              List.of("completion", "bash"),
              List.of(KubectlFoo.COMPLETE, "get", ""),
              List.of("get", "--bogus"),
              List.of("get", "--request-timeout", "2s"),
              List.of("why", "foo-01", "--request-timeout", "2s"))) {
        KubectlFoo.run(plugin, args.toArray(String[]::new));
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        dir.resolve("kubeconfig").toFile().delete();
        dir.toFile().delete();
      }
    }
  }
}
