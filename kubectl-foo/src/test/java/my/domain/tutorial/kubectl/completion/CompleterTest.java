package my.domain.tutorial.kubectl.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.kubectl.KubectlFoo;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.kube.KubeconfigClientFactory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** kubectl's plugin completion protocol, answered from the picocli model and a fake cluster. */
class CompleterTest {
  final List<ClusterOptions> asked = new ArrayList<>();
  final Completer.Source cluster =
      new Completer.Source() {
        @Override
        public List<String> fooNames(ClusterOptions o) {
          asked.add(o);
          return List.of("foo-01", "foo-02", "bar");
        }

        @Override
        public List<String> podNames(ClusterOptions o) {
          return List.of("jack", "jill");
        }

        @Override
        public List<String> namespaces(ClusterOptions o) {
          return List.of("team-a", "team-b", "default");
        }

        @Override
        public List<String> contexts(ClusterOptions o) {
          return List.of("kind-a", "prod");
        }

        @Override
        public List<String> clusters(ClusterOptions o) {
          return List.of("kind-a-cluster", "prod-cluster");
        }

        @Override
        public List<String> users(ClusterOptions o) {
          return List.of("admin", "jane");
        }
      };

  @Test
  void anEmptyWordCompletesTheSubcommandsWithDescriptions() {
    String out = complete("");

    assertThat(out.lines())
        .contains(
            "create\tCreate a Foo that befriends the Pod named by --friend (in the Foo's own"
                + " namespace)",
            ":4")
        .anyMatch(l -> l.startsWith("why\t"))
        .noneMatch(l -> l.startsWith("__"));
  }

  @Test
  void aPrefixFiltersTheSubcommands() {
    assertThat(complete("fr")).startsWith("friends\t").endsWith(":4\n").hasLineCount(2);
  }

  @Test
  void aDashCompletesTheFlagsOfTheSubcommand() {
    String out = complete("get", "--");

    assertThat(out.lines().map(l -> l.split("\t")[0]))
        .contains(
            "--namespace",
            "--all-namespaces",
            "--output",
            "--context",
            "--kubeconfig",
            "--request-timeout",
            "--help");
  }

  @Test
  void fooNamesCompleteFromTheClusterInTheTypedNamespace() {
    String out = complete("why", "-n", "team-b", "--context", "prod", "fo");

    assertThat(out).isEqualTo("foo-01\nfoo-02\n:4\n");
    assertThat(asked)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.namespace()).contains("team-b");
              assertThat(o.context()).contains("prod");
            });
  }

  @Test
  void flagValuesComplete() {
    assertThat(complete("get", "-o", ""))
        .isEqualTo(
            "custom-columns-file=\ncustom-columns=\njson\njsonpath-file=\njsonpath=\nname\nwide\nyaml\n:4\n");
    assertThat(complete("get", "-o", "js")).isEqualTo("json\njsonpath-file=\njsonpath=\n:4\n");
    assertThat(complete("get", "--output=y")).isEqualTo("--output=yaml\n:4\n");
    assertThat(complete("get", "-n", "team")).isEqualTo("team-a\nteam-b\n:4\n");
    assertThat(complete("create", "foo-01", "--friend", "j")).isEqualTo("jack\njill\n:4\n");
    assertThat(complete("get", "--context", "")).isEqualTo("kind-a\nprod\n:4\n");
    assertThat(complete("completion", "")).isEqualTo("bash\nfish\nzsh\n:4\n");
  }

  @Test
  void theNewFlagsOfFriendsWhyAndDeleteCompleteWithTheirValues() {
    assertThat(complete("friends", "-o", "")).isEqualTo("json\nname\nwide\nyaml\n:4\n");
    assertThat(complete("delete", "-o", "")).isEqualTo("name\n:4\n");
    assertThat(complete("delete", "--dry-run=s")).isEqualTo("--dry-run=server\n:4\n");
    assertThat(complete("delete", "--").lines().map(l -> l.split("\t")[0]))
        .contains("--all", "--selector", "--ignore-not-found", "--wait", "--dry-run", "--output");
    assertThat(complete("friends", "-").lines().map(l -> l.split("\t")[0]))
        .contains("-l", "-o", "-A");
    assertThat(complete("why", "--a").lines().map(l -> l.split("\t")[0]))
        .contains("--all", "--all-namespaces");
  }

  @Test
  void theKubeconfigFlagFallsBackToFileNames() {
    assertThat(complete("get", "--kubeconfig", "")).isEqualTo(":0\n");
  }

  @Test
  void theConnectionFlagsCompleteWithTheirValues() {
    assertThat(complete("get", "--as").lines().map(l -> l.split("\t")[0]))
        .containsExactlyInAnyOrder("--as", "--as-group", "--as-uid", ":4");
    assertThat(complete("friends", "--c").lines().map(l -> l.split("\t")[0]))
        .contains(
            "--context",
            "--cluster",
            "--certificate-authority",
            "--client-certificate",
            "--client-key");
    assertThat(complete("get", "--cluster", "")).isEqualTo("kind-a-cluster\nprod-cluster\n:4\n");
    assertThat(complete("get", "--user=j")).isEqualTo("--user=jane\n:4\n");
    assertThat(complete("get", "--certificate-authority", "")).as("file names").isEqualTo(":0\n");
  }

  @Test
  void namesCompleteFromTheClusterTheTypedConnectionFlagsSelect() {
    complete(
        "get",
        "-s",
        "https://other:6443",
        "--as=jane",
        "--token",
        "t",
        "--insecure-skip-tls-verify",
        "fo");

    assertThat(asked)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.server()).contains("https://other:6443");
              assertThat(o.as()).contains("jane");
              assertThat(o.token()).contains("t");
              assertThat(o.requestTimeout()).isEqualTo("3s");
            });
  }

  @Test
  void aNewFoosNameIsNotCompleted() {
    assertThat(complete("create", "")).isEqualTo(":4\n");
  }

  @Test
  void theHiddenEntryPointAnswersThroughTheCommandLine() {
    var out = new java.io.StringWriter();
    Map<String, String> env = Map.of("HOME", "/nonexistent");
    Plugin plugin =
        new Plugin(
            new PrintWriter(out),
            new PrintWriter(Writer.nullWriter()),
            env,
            Clock.systemUTC(),
            new KubeconfigClientFactory(env));

    int code = KubectlFoo.run(plugin, "__complete", "get", "");

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(":4\n");
  }

  private String complete(String... words) {
    Map<String, String> env = Map.of();
    Plugin plugin =
        new Plugin(
            new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter()),
            env,
            Clock.systemUTC(),
            new KubeconfigClientFactory(env));
    CommandSpec root = KubectlFoo.commandLine(plugin).getCommandSpec();
    return Completer.complete(root, List.of(words), cluster).render();
  }
}
