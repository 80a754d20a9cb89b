package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo get} with kubectl's selection and table flags prints what {@code kubectl get
 * foos} prints.
 */
class GetFlagsIT extends WithPluginCluster {

  @BeforeEach
  void setUp() {
    store(
        "foo-01",
        "jack",
        Map.of("tier", "gold", "app.kubernetes.io/name", "shop", "kf-test", ns.name()));
    store("foo-02", "jill", Map.of("tier", "silver", "kf-test", ns.name()));
    store("foo-long-name-03", "jack", Map.of());
  }

  @Test
  void selectionAndTableFlags_printExactlyWhatKubectlGetFoosPrints() {
    List<List<String>> flagSets =
        List.of(
            List.of("-l", "tier=gold"),
            List.of("--selector", "!tier"),
            List.of("-l", "tier in (gold,silver)", "--no-headers"),
            List.of("--field-selector", "spec.name=jack"),
            List.of("--field-selector", "spec.name!=jack,metadata.name=foo-02"),
            List.of("--no-headers"),
            List.of("--show-labels"),
            List.of("-L", "tier,app.kubernetes.io/name"),
            // Not -o wide: the plugin's wide table adds a MESSAGE column kubectl's has not (the CRD
            // has no such column).
            List.of("-L", "tier", "--label-columns", "app.kubernetes.io/name", "--show-labels"),
            List.of("-l", "tier=none"),
            List.of("--sort-by", ".spec.name"),
            List.of("--sort-by", "{.metadata.name}", "--no-headers"),
            List.of("--sort-by", ".metadata.labels.kf-test", "-o", "name"));
    for (List<String> flags : flagSets) {
      Result plugin = kubectl.run(args(List.of("foo", "get", "-n", ns.name()), flags));
      Result reference = kubectl.run(args(List.of("get", "foos", "-n", ns.name()), flags));

      assertThat(plugin.exitCode()).as(plugin.toString()).isZero();
      assertThat(reference.exitCode()).as(reference.toString()).isZero();
      assertThat(ages(plugin.out())).as(String.join(" ", flags)).isEqualTo(ages(reference.out()));
      assertThat(plugin.err()).as(String.join(" ", flags)).isEqualTo(reference.err());
    }
  }

  @Test
  void jsonPathAndCustomColumns_printExactlyWhatKubectlGetFoosPrints(@TempDir Path files)
      throws java.io.IOException {
    Result patched =
        kubectl.run(
            "patch",
            "foo",
            "foo-01",
            "-n",
            ns.name(),
            "--subresource=status",
            "--type",
            "merge",
            "-p",
            "{\"status\":{\"happy\":false,\"observedGeneration\":1,\"conditions\":[{\"type\":"
                + "\"Happy\",\"status\":\"False\",\"reason\":\"FriendNotFound\",\"message\":"
                + "\"Pod jack does not exist\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}");
    assertThat(patched.exitCode()).as(patched.toString()).isZero();
    Path columns =
        java.nio.file.Files.writeString(
            files.resolve("columns"), "NAME FRIEND\n.metadata.name spec.name\n");
    Path template =
        java.nio.file.Files.writeString(
            files.resolve("template"), "{range .items[*]}{.metadata.name}{\"\\n\"}{end}");
    List<List<String>> flagSets =
        List.of(
            List.of("-o", "jsonpath={.items[*].metadata.name}"),
            List.of(
                "-o",
                "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.name}{\"\\t\"}"
                    + "{.status.conditions[?(@.type==\"Happy\")].reason}{\"\\n\"}{end}"),
            List.of("-o", "jsonpath={.items[0]}"),
            List.of("-o", "jsonpath={.items[*].metadata.labels}"),
            List.of("-o", "jsonpath={.items[?(@.spec.name!='jack')].metadata.name}"),
            List.of("-o", "jsonpath={.kind} {.items[-1:].metadata.managedFields[0].manager}"),
            List.of("-o", "jsonpath={.items[*].status}", "--sort-by", ".metadata.name"),
            List.of("foo-01", "-o", "jsonpath={.metadata.name} {.status.conditions}"),
            List.of("-l", "tier=none", "-o", "jsonpath={.items}"),
            List.of("-o", "jsonpath-file=" + template),
            List.of(
                "-o",
                "custom-columns=NAME:.metadata.name,FRIEND:spec.name,LABELS:{.metadata.labels},"
                    + "REASON:.status.conditions[*].reason,TIER:.metadata.labels.tier"),
            List.of("-o", "custom-columns=C:.status.conditions", "--no-headers"),
            List.of("-o", "custom-columns=NAME:.metadata.name", "--sort-by", ".spec.name"),
            List.of("-l", "tier=none", "-o", "custom-columns=NAME:.metadata.name"),
            List.of("-o", "custom-columns-file=" + columns));
    for (List<String> flags : flagSets) {
      Result plugin = kubectl.run(args(List.of("foo", "get", "-n", ns.name()), flags));
      Result reference = kubectl.run(args(List.of("get", "foos", "-n", ns.name()), flags));

      assertThat(plugin.exitCode()).as(plugin.toString()).isZero();
      assertThat(reference.exitCode()).as(reference.toString()).isZero();
      assertThat(plugin.out()).as(String.join(" ", flags)).isEqualTo(reference.out());
      assertThat(plugin.err()).as(String.join(" ", flags)).isEqualTo(reference.err());
    }
  }

  @Test
  void aTemplateKubectlWouldRefuse_isAOneLineUsageError() {
    Result parse = kubectl.run("foo", "get", "-n", ns.name(), "-o", "jsonpath={.items[x]}");
    Result apply = kubectl.run("foo", "get", "-n", ns.name(), "-o", "jsonpath={.items[7]}");
    Result columns = kubectl.run("foo", "get", "-n", ns.name(), "-o", "custom-columns=NAME");

    assertThat(parse.exitCode()).as(parse.toString()).isEqualTo(2);
    assertThat(parse.err())
        .startsWith("error: invalid -o jsonpath '{.items[x]}': invalid array index x; use")
        .hasLineCount(1);
    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(2);
    assertThat(apply.err())
        .startsWith(
            "error: cannot apply the -o jsonpath template '{.items[7]}': array index out of")
        .hasLineCount(1);
    assertThat(columns.exitCode()).as(columns.toString()).isEqualTo(2);
    assertThat(columns.err()).startsWith("error: invalid -o custom-columns 'NAME'").hasLineCount(1);
  }

  @Test
  void watch_printsTheStreamingTableKubectlGetWatchPrints_andEndsOnCtrlC() {
    Kubectl.Running plugin = kubectl.start("foo", "get", "-n", ns.name(), "-w");
    Kubectl.Running reference = kubectl.start("get", "foos", "-n", ns.name(), "-w");
    Kubectl.Running pluginOnly =
        kubectl.start("foo", "get", "-n", ns.name(), "--watch-only", "-l", "tier");
    try {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(
              () ->
                  plugin.stdout().lines().count() == 4 && reference.stdout().lines().count() == 4);
      // The watch-only plugin has started once it answers a change of a Foo it selects.
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .pollInterval(java.time.Duration.ofSeconds(1))
          .until(
              () -> {
                admin
                    .resources(Foo.class)
                    .inNamespace(ns.name())
                    .withName("foo-02")
                    .edit(
                        f -> {
                          f.getMetadata()
                              .getLabels()
                              .put("probe", Long.toString(System.nanoTime()));
                          return f;
                        });
                return pluginOnly.stdout().contains("foo-02");
              });
      int before = (int) plugin.stdout().lines().count();
      store("foo-a-much-longer-name", "jill", Map.of("tier", "bronze"));
      Result patched =
          kubectl.run(
              "patch",
              "foo",
              "foo-01",
              "-n",
              ns.name(),
              "--subresource=status",
              "--type",
              "merge",
              "-p",
              "{\"status\":{\"happy\":true,\"conditions\":[{\"type\":\"Happy\",\"status\":"
                  + "\"True\",\"reason\":\"FriendFound\",\"message\":\"m\","
                  + "\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}");
      assertThat(patched.exitCode()).as(patched.toString()).isZero();
      admin.resources(Foo.class).inNamespace(ns.name()).withName("foo-a-much-longer-name").delete();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(
              () ->
                  reference.stdout().lines().count() >= before + 3
                      && plugin.stdout().lines().count() == reference.stdout().lines().count()
                      && pluginOnly.stdout().contains("FriendFound"));
    } finally {
      plugin.interrupt();
      reference.interrupt();
      pluginOnly.interrupt();
    }

    assertThat(ages(plugin.stdout())).isEqualTo(ages(reference.stdout()));
    assertThat(ages(plugin.stdout()))
        .contains("foo-01                   jack     true    FriendFound   <age> \n");
    assertThat(plugin.err()).as("nothing on stderr after Ctrl-C").isEmpty();
    assertThat(pluginOnly.stdout())
        .startsWith("NAME     FRIEND   HAPPY   REASON   AGE\nfoo-02")
        .doesNotContain("foo-long-name-03");
  }

  @Test
  void allNamespacesWithASelector_matchesKubectl() {
    Result plugin = kubectl.run("foo", "get", "-A", "-l", "kf-test=" + ns.name(), "--show-labels");
    Result reference =
        kubectl.run("get", "foos", "-A", "-l", "kf-test=" + ns.name(), "--show-labels");

    assertThat(plugin.exitCode()).as(plugin.toString()).isZero();
    assertThat(ages(plugin.out())).isEqualTo(ages(reference.out())).contains("foo-01", "foo-02");
  }

  @Test
  void anUnparsableSelector_isAOneLineUsageError() {
    Result r = kubectl.run("foo", "get", "-n", ns.name(), "-l", "tier in gold");
    Result named = kubectl.run("foo", "get", "foo-01", "-n", ns.name(), "-l", "tier=gold");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: invalid selector: ").hasLineCount(1);
    assertThat(named.exitCode()).as(named.toString()).isEqualTo(2);
    assertThat(named.err())
        .startsWith("error: Foos cannot be named together with -l/--selector")
        .hasLineCount(1);
  }

  @Test
  void kubectlsCompletionOffersTheNewGetFlags() {
    Result selector = kubectl.run("__complete", "foo", "get", "--sel");
    Result labels = kubectl.run("__complete", "foo", "get", "--show");

    assertThat(selector.out().lines().map(l -> l.split("\t")[0]))
        .as(selector.toString())
        .contains("--selector");
    assertThat(labels.out().lines().map(l -> l.split("\t")[0]))
        .as(labels.toString())
        .contains("--show-labels");
    Result formats = kubectl.run("__complete", "foo", "get", "-o", "js");
    Result friends = kubectl.run("__complete", "foo", "friends", "--output", "");
    Result delete = kubectl.run("__complete", "foo", "delete", "--ig");
    assertThat(formats.out().lines().map(l -> l.split("\t")[0]))
        .as(formats.toString())
        .contains("json", "jsonpath-file=", "jsonpath=")
        .doesNotContain("yaml");
    assertThat(friends.out().lines().map(l -> l.split("\t")[0]))
        .as(friends.toString())
        .contains("wide", "json", "yaml", "name");
    assertThat(delete.out().lines().map(l -> l.split("\t")[0]))
        .as(delete.toString())
        .contains("--ignore-not-found");
  }

  private void store(String name, String friend, Map<String, String> labels) {
    Foo foo = new Foo();
    foo.getMetadata().setName(name);
    foo.getMetadata().setNamespace(ns.name());
    foo.getMetadata().setLabels(labels.isEmpty() ? null : labels);
    foo.setSpec(new FooSpec(friend));
    admin.resource(foo).create();
  }

  private static String[] args(List<String> command, List<String> flags) {
    return java.util.stream.Stream.concat(command.stream(), flags.stream()).toArray(String[]::new);
  }

  private static String ages(String table) {
    return Kubectl.ages(table);
  }
}
