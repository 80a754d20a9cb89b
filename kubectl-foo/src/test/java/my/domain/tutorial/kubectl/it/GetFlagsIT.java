package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo get} with kubectl's selection and table flags prints what {@code kubectl get
 * foos} prints.
 */
@ExtendWith(ControlPlaneExtension.class)
class GetFlagsIT {
  private static final Pattern AGE = Pattern.compile("\\b\\d+[smhd]\\b");

  @TempDir static Path home;

  KubernetesClient admin;
  TestNamespace ns;
  Kubectl kubectl;

  @BeforeAll
  static void installCrd(ControlPlane cp) {
    OperatorUnderTest.installCrd(cp.adminClient());
  }

  @BeforeEach
  void setUp(ControlPlane cp) {
    admin = cp.adminClient();
    ns = TestNamespace.create(admin, "kf-get");
    kubectl = Kubectl.admin(cp, home);
    store(
        "foo-01",
        "jack",
        Map.of("tier", "gold", "app.kubernetes.io/name", "shop", "kf-test", ns.name()));
    store("foo-02", "jill", Map.of("tier", "silver", "kf-test", ns.name()));
    store("foo-long-name-03", "jack", Map.of());
  }

  @AfterEach
  void cleanUp() {
    ns.close();
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
    return AGE.matcher(table).replaceAll("<age>");
  }
}
