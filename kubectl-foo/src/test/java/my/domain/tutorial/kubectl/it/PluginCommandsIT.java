package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.commands.CrdCommand;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo create|get|friends|delete|version|completion|crd} through the real kubectl on
 * a real API server.
 */
class PluginCommandsIT extends WithPluginCluster {
  /** Kubeconfigs and other files the tests write. */
  @TempDir static Path files;

  @Test
  void friendsOutputsAndSelector_workThroughKubectl() {
    Foo gold = Foo.of(ns.name(), "foo-01", "jack");
    // Across all namespaces the selector names this test's Foo alone: tier=gold Foos that other
    // tests made (or failed to delete) elsewhere must not change the answer.
    gold.getMetadata().setLabels(java.util.Map.of("tier", "gold", "kf-test", ns.name()));
    admin.resource(gold).create();
    admin.resource(Foo.of(ns.name(), "foo-02", "jill")).create();
    admin.resource(TestPods.pod(ns.name(), "jack")).create();

    Result wide = kubectl.run("foo", "friends", "-n", ns.name(), "-o", "wide");
    Result selected = kubectl.run("foo", "friends", "-n", ns.name(), "-l", "tier=gold");
    Result names = kubectl.run("foo", "friends", "-n", ns.name(), "-o", "name");
    Result json = kubectl.run("foo", "friends", "-n", ns.name(), "-o", "json");
    Result yaml =
        kubectl.run("foo", "friends", "-A", "-l", "tier=gold,kf-test=" + ns.name(), "-o", "yaml");
    Result badSelector = kubectl.run("foo", "friends", "-n", ns.name(), "-l", "tier in gold");

    assertThat(wide.exitCode()).as(wide.toString()).isZero();
    assertThat(wide.out())
        .isEqualTo(
            "FRIEND   POD       IP       NODE     FOOS\n"
                + "jack     Pending   <none>   <none>   foo-01\n"
                + "jill     Missing   <none>   <none>   foo-02\n");
    assertThat(selected.out()).isEqualTo("FRIEND   POD       FOOS\njack     Pending   foo-01\n");
    assertThat(names.out()).isEqualTo("pod/jack\npod/jill\n");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.out())
        .contains(
            "\"friend\" : \"jill\",\n    \"pod\" : \"Missing\",\n    \"foos\" : [ \"foo-02\" ]");
    assertThat(yaml.exitCode()).as(yaml.toString()).isZero();
    assertThat(yaml.out())
        .isEqualTo(
            "items:\n- namespace: "
                + ns.name()
                + "\n  friend: jack\n  pod: Pending\n  foos:\n  - foo-01\n");
    assertThat(badSelector.exitCode()).as(badSelector.toString()).isEqualTo(2);
    assertThat(badSelector.err())
        .startsWith("error: invalid selector: ")
        .endsWith("; see 'kubectl foo friends --help'\n");
  }

  @Test
  void deleteFlags_printWhatKubectlDeletePrints() {
    List<List<String>> flagSets =
        List.of(
            List.of("foo-01", "--dry-run=client"),
            List.of("foo-01", "--dry-run=server"),
            List.of("foo-01", "--dry-run=server", "-o", "name"),
            List.of("nope", "--ignore-not-found"),
            List.of("-l", "tier=gold", "--dry-run=server"),
            List.of("-l", "tier=none"),
            List.of("foo-01", "nope", "--ignore-not-found", "-o", "name"),
            List.of("--all"),
            List.of("--all", "--wait=false"));
    for (List<String> flags : flagSets) {
      Result plugin = deleteAfterStoring(List.of("foo", "delete"), flags);
      Result reference = deleteAfterStoring(List.of("delete", "foos"), flags);

      assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(reference.exitCode());
      assertThat(plugin.out()).as(String.join(" ", flags)).isEqualTo(reference.out());
      assertThat(plugin.err()).as(String.join(" ", flags)).isEqualTo(reference.err());
    }
  }

  /** Stores foo-01 (tier=gold) and foo-02 afresh, then runs one delete. */
  private Result deleteAfterStoring(List<String> command, List<String> flags) {
    admin.resources(Foo.class).inNamespace(ns.name()).delete();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> admin.resources(Foo.class).inNamespace(ns.name()).list().getItems().isEmpty());
    Foo gold = Foo.of(ns.name(), "foo-01", "jack");
    gold.getMetadata().setLabels(java.util.Map.of("tier", "gold"));
    admin.resource(gold).create();
    admin.resource(Foo.of(ns.name(), "foo-02", "jill")).create();
    List<String> args = new java.util.ArrayList<>(command);
    args.addAll(List.of("-n", ns.name()));
    args.addAll(flags);
    return kubectl.run(args.toArray(String[]::new));
  }

  @Test
  void createGetFriendsAndDelete_workThroughKubectl() {
    Result created = kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out()).isEqualTo("foo.tutorial.my.domain/foo-01 created\n");
    assertThat(
            admin.resources(Foo.class).inNamespace(ns.name()).withName("foo-01").get().friendName())
        .isEqualTo("jack");

    Result get = kubectl.run("foo", "get", "-n", ns.name());
    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(get.out())
        .matches(
            "NAME     FRIEND   HAPPY   REASON   AGE\nfoo-01   jack                      \\d+s\n");

    admin.resource(TestPods.pod(ns.name(), "jack")).create();
    Result friends = kubectl.run("foo", "friends", "-n", ns.name());
    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(friends.out()).isEqualTo("FRIEND   POD       FOOS\njack     Pending   foo-01\n");

    Result deleted = kubectl.run("foo", "delete", "foo-01", "-n", ns.name());
    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
    assertThat(deleted.out())
        .isEqualTo("foo.tutorial.my.domain \"foo-01\" deleted from " + ns.name() + " namespace\n");
    assertThat(admin.pods().inNamespace(ns.name()).withName("jack").get())
        .as("the friend Pod stays")
        .isNotNull();

    Result gone = kubectl.run("foo", "get", "foo-01", "-n", ns.name());
    assertThat(gone.exitCode()).isEqualTo(3);
    assertThat(gone.err())
        .isEqualTo(
            "error: foo \"foo-01\" not found in namespace "
                + ns.name()
                + "; list the Foos with: kubectl foo get -n "
                + ns.name()
                + "\n");
  }

  @Test
  void crd_printsTheCrdThePluginWasBuiltWith_andKubectlAppliesIt() {
    Result crd = kubectl.run("foo", "crd");
    assertThat(crd.exitCode()).as(crd.toString()).isZero();
    assertThat(crd.out())
        .isEqualTo(CrdCommand.yaml())
        .contains("name: \"foos.tutorial.my.domain\"");

    // The shared control plane already serves this CRD: applying the same definition changes
    // nothing in it.
    Result applied = kubectl.runWithInput(crd.out(), "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out())
        .matches(
            "customresourcedefinition.apiextensions.k8s.io/foos.tutorial.my.domain"
                + " (created|configured|unchanged)\n");
  }

  @Test
  void getOutputsYamlJsonNameAndWide() {
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());

    assertThat(kubectl.run("foo", "get", "foo-01", "-n", ns.name(), "-o", "yaml").out())
        .startsWith("apiVersion: tutorial.my.domain/v1\nkind: Foo\n")
        .contains("namespace: " + ns.name());
    assertThat(kubectl.run("foo", "get", "-n", ns.name(), "-o", "json").out())
        .contains("\"kind\" : \"List\"");
    assertThat(kubectl.run("foo", "get", "-n", ns.name(), "-o", "name").out())
        .isEqualTo("foo.tutorial.my.domain/foo-01\n");
    assertThat(kubectl.run("foo", "get", "-n", ns.name(), "-o", "wide").out())
        .startsWith("NAME     FRIEND   HAPPY   REASON   AGE   MESSAGE\n");
    assertThat(kubectl.run("foo", "get", "-A").out()).startsWith("NAMESPACE").contains(ns.name());
  }

  @Test
  void createDryRunClientSendsNothingAndDryRunServerStoresNothing() {
    Result client =
        kubectl.run(
            "foo",
            "create",
            "foo-01",
            "--friend",
            "jack",
            "--dry-run=client",
            "-o",
            "yaml",
            "-n",
            ns.name());
    Result server =
        kubectl.run(
            "foo", "create", "foo-01", "--friend", "jack", "--dry-run=server", "-n", ns.name());

    assertThat(client.exitCode()).isZero();
    assertThat(client.out()).contains("name: foo-01").contains("name: jack");
    assertThat(server.exitCode()).as(server.toString()).isZero();
    assertThat(server.out()).isEqualTo("foo.tutorial.my.domain/foo-01 created (server dry run)\n");
    assertThat(admin.resources(Foo.class).inNamespace(ns.name()).list().getItems()).isEmpty();
  }

  @Test
  void whenTheFooExists_createExitsWith1() {
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());

    Result again = kubectl.run("foo", "create", "foo-01", "--friend", "jill", "-n", ns.name());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains("it already exists; pick another name, or delete it first")
        .hasLineCount(1);
  }

  @Test
  void invalidNamesAndUnknownFlagsExitWith2() {
    Result invalid = kubectl.run("foo", "create", "Foo_01", "--friend", "jack", "-n", ns.name());
    Result flag = kubectl.run("foo", "get", "--no-such-flag");

    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).startsWith("error: invalid Foo name 'Foo_01'").hasLineCount(1);
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err())
        .isEqualTo("error: Unknown option: '--no-such-flag'; see 'kubectl foo get --help'\n");
  }

  @Test
  void deleteOfAMissingFooExitsWith3AndSuggestsCloseNames() {
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());

    Result r = kubectl.run("foo", "delete", "foo-1", "-n", ns.name());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("did you mean foo-01?");
    assertThat(admin.resources(Foo.class).inNamespace(ns.name()).withName("foo-01").get())
        .isNotNull();
  }

  @Test
  void theContextsNamespaceIsTheDefault() {
    try {
      Result r = kubectl.run("foo", "create", "foo-ctx", "--friend", "jack");

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(admin.resources(Foo.class).inNamespace("default").withName("foo-ctx").get())
          .isNotNull();
    } finally {
      // "default" is shared by every test: never leave this Foo behind, even when an assertion
      // fails.
      admin.resources(Foo.class).inNamespace("default").withName("foo-ctx").delete();
    }
  }

  @Test
  void versionAndCompletionScripts() {
    assertThat(kubectl.run("foo", "version").out()).startsWith("kubectl-foo ");
    for (String shell : List.of("bash", "zsh", "fish")) {
      Result r = kubectl.run("foo", "completion", shell);
      assertThat(r.exitCode()).as(shell).isZero();
      assertThat(r.out()).as(shell).contains("__complete");
    }
  }

  @Test
  void kubectlPluginList_findsThePluginAndItsCompletionHelper_withNoWarnings() {
    Result r = kubectl.run("plugin", "list");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .as(r.toString())
        .contains(Kubectl.PLUGIN_DIR.resolve("kubectl-foo").toString());
    assertThat(r.err()).as(r.toString()).doesNotContainIgnoringCase("warning");
  }

  @Test
  void kubectlsOwnCompletionCompletesSubcommandsFlagsAndFooNames() {
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    kubectl.run("foo", "create", "foo-02", "--friend", "jack", "-n", ns.name());

    Result subcommands = kubectl.run("__complete", "foo", "");
    Result names = kubectl.run("__complete", "foo", "why", "-n", ns.name(), "foo-");
    Result flags = kubectl.run("__complete", "foo", "get", "--all");

    assertThat(subcommands.out().lines().map(l -> l.split("\t")[0]))
        .as(subcommands.toString())
        .contains("create", "get", "friends", "why", "delete", "version", "completion");
    assertThat(names.out().lines()).as(names.toString()).contains("foo-01", "foo-02");
    assertThat(flags.out().lines().map(l -> l.split("\t")[0]))
        .as(flags.toString())
        .contains("--all-namespaces");
  }

  @Test
  void kubectlsOwnCompletionCompletesPodsNamespacesAndContextsFromTheRealClusterAndKubeconfig() {
    admin.resource(TestPods.pod(ns.name(), "jack")).create();
    admin.resource(TestPods.pod(ns.name(), "jill")).create();
    admin.resource(TestPods.pod(ns.name(), "bob")).create();
    Kubectl twoContexts =
        kubectl.withKubeconfig(
            Kubectl.kubeconfigWithContext(cp, files.resolve("two-contexts"), "foo-other"));

    Result pods =
        kubectl.run("__complete", "foo", "create", "foo-03", "-n", ns.name(), "--friend", "j");
    Result namespaces = kubectl.run("__complete", "foo", "get", "-n", ns.name());
    Result contexts = twoContexts.run("__complete", "foo", "get", "--context", "");

    assertThat(candidates(pods)).as(pods.toString()).containsExactlyInAnyOrder("jack", "jill");
    assertThat(candidates(namespaces)).as(namespaces.toString()).containsExactly(ns.name());
    assertThat(candidates(contexts))
        .as(contexts.toString())
        .containsExactlyInAnyOrder("foo-local", "foo-other");
  }

  /** The candidates of a {@code __complete} answer: its lines up to the {@code :directive}. */
  private static List<String> candidates(Result r) {
    return r.out().lines().takeWhile(l -> !l.startsWith(":")).map(l -> l.split("\t")[0]).toList();
  }

  @Test
  void whenTheNamespaceDoesNotExist_createExitsWith2AndSaysHowToCreateIt() {
    String missing = ns.name() + "-missing";

    Result r = kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", missing);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: cannot create foo foo-01 in namespace "
                + missing
                + ": namespace "
                + missing
                + " does not exist; create it (kubectl create namespace "
                + missing
                + ") or pick another with -n\n");
    assertThat(admin.namespaces().withName(missing).get()).isNull();
  }

  @Test
  void whenTheServerAnswersOutsideTheApi_theCommandExitsWith5() {
    // Plain HTTP to kube-apiserver's HTTPS port: it answers 400 with a text body, no API Status.
    String plainHttp = cp.server().replace("https://", "http://");

    Result r = kubectl.run("foo", "get", "-n", ns.name(), "-s", plainHttp);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .startsWith("error: cannot list foos in namespace " + ns.name() + ": unexpected ")
        .endsWith("; rerun with -v for the stack trace and report it\n")
        .hasLineCount(1);
  }

  @Test
  void whenTheClusterIsUnreachable_everyCommandExitsWith4() {
    Path kubeconfig =
        Kubectl.kubeconfigWithToken(cp, files.resolve("unreachable"), "t", "https://127.0.0.1:1");

    Result r = kubectl.withKubeconfig(kubeconfig).run("foo", "get");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("is unreachable").doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void whenTheCredentialsAreRejected_theCommandExitsWith4() {
    Path kubeconfig =
        Kubectl.kubeconfigWithToken(cp, files.resolve("expired"), "expired-token", null);

    Result r = kubectl.withKubeconfig(kubeconfig).run("foo", "get", "-n", ns.name());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("rejected the credentials (401 Unauthorized)").hasLineCount(1);
  }

  @Test
  void whenTheUserMayNotListFoos_getExitsWith4() {
    String token = Cluster.tokenFor(admin, ns.name(), "nobody", List.of(), List.of());
    Path kubeconfig = Kubectl.kubeconfigWithToken(cp, files.resolve("nobody"), token, null);

    Result r = kubectl.withKubeconfig(kubeconfig).run("foo", "get", "-n", ns.name());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .startsWith("error: cannot list foos in namespace " + ns.name() + ": forbidden (")
        .hasLineCount(1);
  }

  @Test
  void whenThereIsNoKubeconfig_theCommandExitsWith4() {
    Result r = kubectl.withKubeconfig(files.resolve("does-not-exist")).run("foo", "get");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).startsWith("error: no kubeconfig found").hasLineCount(1);
  }
}
