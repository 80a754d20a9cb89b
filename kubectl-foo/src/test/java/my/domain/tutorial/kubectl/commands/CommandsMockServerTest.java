package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command end to end on fabric8's mock API server (CRUD mode), through a real kubeconfig
 * file.
 */
@EnableKubernetesMockClient(crud = true)
class CommandsMockServerTest {
  static final String NS = "team-a";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;

  PluginRun plugin;
  Instant now;

  @BeforeEach
  void setUp() {
    client.resource(crd()).create();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    plugin =
        PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir, client.getMasterUrl().toString(), "t", NS),
            Clock.fixed(Instant.now().plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
  }

  // create

  @Test
  void whenCreatingAFoo_itIsStoredAndReportedLikeKubectl() {
    Result r = plugin.run("create", "foo-01", "--friend", "jack");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("foo.tutorial.my.domain/foo-01 created\n");
    assertThat(r.err()).isEmpty();
    assertThat(foo("foo-01").friendName()).isEqualTo("jack");
  }

  @Test
  void whenCreatingWithDryRunClient_itPrintsTheFooAndSendsNothing() {
    Result r = plugin.run("create", "foo-01", "--friend", "jack", "--dry-run=client", "-o", "yaml");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        apiVersion: tutorial.my.domain/v1
        kind: Foo
        metadata:
          name: foo-01
          namespace: team-a
        spec:
          name: jack
        """);
    assertThat(foo("foo-01")).isNull();
  }

  /**
   * What is proved here is the request: a POST with {@code dryRun=All}. The mock server ignores
   * {@code dryRun} and would store the Foo, so that nothing is stored is PluginCommandsIT's part,
   * against kube-apiserver.
   */
  @Test
  void whenCreatingWithDryRunServer_theCreateIsSentAsAServerDryRun() throws InterruptedException {
    Result r = plugin.run("create", "foo-01", "--friend", "jack", "--dry-run=server");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("foo.tutorial.my.domain/foo-01 created (server dry run)\n");
    assertThat(server.getLastRequest().getMethod()).isEqualTo("POST");
    assertThat(server.getLastRequest().getPath())
        .startsWith("/apis/tutorial.my.domain/v1/namespaces/team-a/foos?")
        .contains("dryRun=All");
  }

  @Test
  void whenCreatingWithOutputName_itPrintsTheResourceName() {
    Result r = plugin.run("create", "foo-01", "--friend", "jack", "-o", "name", "-n", "default");

    assertThat(r.out()).isEqualTo("foo.tutorial.my.domain/foo-01\n");
    assertThat(client.resources(Foo.class).inNamespace("default").withName("foo-01").get())
        .isNotNull();
  }

  @Test
  void whenTheFooAlreadyExists_createExitsWith1AndSaysWhatToDo() {
    plugin.run("create", "foo-01", "--friend", "jack");

    Result r = plugin.run("create", "foo-01", "--friend", "jill");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: cannot create foo foo-01 in namespace team-a: it already exists; pick"
                + " another name, or delete it first: kubectl foo delete foo-01 -n team-a\n");
    assertThat(foo("foo-01").friendName()).isEqualTo("jack");
  }

  @Test
  void whenTheNameIsInvalid_createExitsWith2BeforeAnyRequest() {
    int before = server.getRequestCount();

    Result r = plugin.run("create", "Foo_01", "--friend", "jack");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: invalid Foo name 'Foo_01': use lowercase letters")
        .endsWith("\n")
        .contains("(for example 'foo-01')")
        .hasLineCount(1);
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void whenTheFriendIsMissing_createExitsWith2() {
    Result r = plugin.run("create", "foo-01");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--friend").hasLineCount(1);
  }

  // get

  @Test
  void whenListingFoos_getPrintsAlignedColumnsLikeKubectl() {
    storeFoo("foo-01", "jack", true, "FriendFound", Duration.ofMinutes(5));
    storeFoo("foo-002", "jill", false, "FriendNotFound", Duration.ofHours(3));
    client.resource(Foo.of(NS, "foo-03", "joe")).create();

    Result r = plugin.run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    // The mock server stamps creationTimestamp when the Foo is stored, a moment after the test's
    // clock was fixed, so the age is 5m or a second or two less; how ages read is AgesTest's part.
    assertThat(r.out())
        .matches(
            """
        NAME      FRIEND   HAPPY   REASON           AGE
        foo-002   jill     false   FriendNotFound   <age>
        foo-01    jack     true    FriendFound      <age>
        foo-03    joe                               <age>
        """
                .replace("<age>", "(5m|4m5\\ds)"));
  }

  @Test
  void whenListingWide_getAddsTheMessage() {
    storeFoo("foo-01", "jack", false, "FriendNotFound", Duration.ZERO);

    Result r = plugin.run("get", "-o", "wide");

    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo("NAME     FRIEND   HAPPY   REASON           AGE   MESSAGE");
    assertThat(r.out()).contains("Pod jack does not exist in namespace team-a");
  }

  @Test
  void whenListingAllNamespaces_getAddsTheNamespaceColumn() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();
    client.resource(Foo.of("team-b", "foo-02", "jill")).create();

    Result r = plugin.run("get", "-A");

    assertThat(r.out())
        .startsWith("NAMESPACE   NAME     FRIEND   HAPPY   REASON   AGE\n")
        .contains("team-a      foo-01   jack")
        .contains("team-b      foo-02   jill");
  }

  @Test
  void whenGettingOneFooAsYaml_getPrintsTheObjectWithoutManagedFields() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Result r = plugin.run("get", "foo-01", "-o", "yaml");

    assertThat(r.out())
        .startsWith("apiVersion: tutorial.my.domain/v1\nkind: Foo\n")
        .contains("  name: jack\n")
        .doesNotContain("managedFields");
  }

  @Test
  void whenGettingAsJson_getPrintsAListForSeveralFoos() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();
    client.resource(Foo.of(NS, "foo-02", "jill")).create();

    Result r = plugin.run("get", "-o", "json");

    var doc = Serialization.unmarshal(r.out(), java.util.Map.class);
    assertThat(doc).containsEntry("kind", "List");
    assertThat((List<?>) doc.get("items")).hasSize(2);
  }

  @Test
  void whenGettingNames_getPrintsResourceNames() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    assertThat(plugin.run("get", "-o", "name").out()).isEqualTo("foo.tutorial.my.domain/foo-01\n");
  }

  @Test
  void whenNoFooExists_getSaysSoOnStderrAndExits0() {
    Result r = plugin.run("get");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("No resources found in team-a namespace.\n");
  }

  @Test
  void whenTheNamedFooDoesNotExist_getExitsWith3AndSuggestsCloseNames() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Result r = plugin.run("get", "foo-1");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo("error: foo \"foo-1\" not found in namespace team-a; did you mean foo-01?\n");
  }

  @Test
  void whenNamesAreCombinedWithAllNamespaces_getIsAUsageError() {
    assertThat(plugin.run("get", "foo-01", "-A").exitCode()).isEqualTo(2);
  }

  @Test
  void whenTheNamespaceFlagIsGiven_itWinsOverTheContext() {
    client.resource(Foo.of("team-b", "foo-b", "jack")).create();

    assertThat(plugin.run("get", "-n", "team-b", "-o", "name").out())
        .isEqualTo("foo.tutorial.my.domain/foo-b\n");
  }

  // friends

  @Test
  void whenListingFriends_eachFriendShowsItsPodStateAndItsFoos() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();
    client.resource(Foo.of(NS, "foo-02", "jack")).create();
    client.resource(Foo.of(NS, "foo-03", "jill")).create();
    client.resource(Foo.of(NS, "foo-04", "joe")).create();
    createPod("jack", "Running", false);
    createPod("joe", null, true);

    Result r = plugin.run("friends");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        FRIEND   POD           FOOS
        jack     Running       foo-01,foo-02
        jill     Missing       foo-03
        joe      Terminating   foo-04
        """);
  }

  @Test
  void whenAFooNamesNoFriend_friendsListsItUnderNoFriend_insteadOfSayingNoResources() {
    storeFooWithoutSpec("foo-01", false);
    client.resource(Foo.of(NS, "foo-02", "jack")).create();

    Result r = plugin.run("friends");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        FRIEND   POD       FOOS
        <none>   <none>    foo-01
        jack     Missing   foo-02
        """);
    assertThat(r.err())
        .isEqualTo(
            "warning: Foo foo-01 in namespace team-a names no friend (spec.name is missing);"
                + " set one: kubectl patch foo foo-01 -n team-a --type merge -p '{\"spec\":{\"name\":\"POD\"}}'\n");
  }

  @Test
  void whenAFooNamesNoFriend_getShowsAnEmptyFriendCellAndTheNoFriendNamedReason() {
    storeFooWithoutSpec("foo-01", true);

    Result r = plugin.run("get", "-o", "wide");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        NAME     FRIEND   HAPPY   REASON          AGE   MESSAGE
        foo-01            false   NoFriendNamed   5m    Foo foo-01 in namespace team-a names no friend: spec.name is missing
        """);
  }

  // why

  @Test
  void whenAFooNamesNoFriend_whyExitsWith1WithNoFriendNamedAndAPatchToFixIt() {
    storeFooWithoutSpec("foo-01", true);

    Result r = plugin.run("why", "foo-01");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("Foo team-a/foo-01 is not happy (NoFriendNamed).\n")
        .contains(
            "[NoFriendNamed] Foo foo-01 in namespace team-a names no friend: spec.name is missing.")
        .contains(
            "fix: name the friend Pod: kubectl patch foo foo-01 -n team-a --type merge -p"
                + " '{\"spec\":{\"name\":\"POD\"}}'")
        .doesNotContain("null")
        .doesNotContain("StatusNotReconciled");
  }

  @Test
  void whenTheFriendExists_whyExitsWith0AndSaysHappy() {
    createPod("jack", "Running", false);
    storeFoo("foo-01", "jack", true, "FriendFound", Duration.ZERO);

    Result r = plugin.run("why", "foo-01");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Foo team-a/foo-01 is happy (FriendFound).\n")
        .contains("[FriendFound] Pod jack exists in namespace team-a.")
        .contains("[OperatorNotRunning]");
  }

  @Test
  void whenTheFriendIsMissing_whyExitsWith1AndExplainsInJson() {
    createPod("jak", "Running", false);
    storeFoo("foo-01", "jack", false, "FriendNotFound", Duration.ZERO);

    Result r = plugin.run("why", "foo-01", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    var doc = Serialization.unmarshal(r.out(), java.util.Map.class);
    assertThat(doc)
        .containsEntry("happy", false)
        .containsEntry("reason", "FriendNotFound")
        .containsEntry("verdictFrom", "cluster");
    List<Object> codes =
        ((List<?>) doc.get("findings"))
            .stream()
                .map(f -> ((java.util.Map<?, ?>) f).get("code"))
                .map(Object.class::cast)
                .toList();
    assertThat(codes).contains("FriendNotFound", "SimilarPodName", "OperatorNotRunning");
  }

  @Test
  void whenFooDoesNotExist_whyExitsWith3AndSuggestsCloseNames() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Result r = plugin.run("why", "foo-02");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .startsWith("Foo team-a/foo-02 does not exist.\n")
        .contains("[FooNotFound] There is no Foo foo-02 in namespace team-a. Did you mean foo-01?");
  }

  // delete

  @Test
  void whenDeletingFoos_exactlyThoseAreDeleted() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();
    client.resource(Foo.of(NS, "foo-02", "jack")).create();
    createPod("jack", "Running", false);

    Result r = plugin.run("delete", "foo-01");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo("foo.tutorial.my.domain \"foo-01\" deleted from team-a namespace\n");
    assertThat(foo("foo-01")).isNull();
    assertThat(foo("foo-02")).isNotNull();
    assertThat(client.pods().inNamespace(NS).withName("jack").get()).isNotNull();
  }

  @Test
  void whenDeletingAMissingFoo_deleteExitsWith3AndDeletesTheOthers() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Result r = plugin.run("delete", "foo-01", "nope");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo("foo.tutorial.my.domain \"foo-01\" deleted from team-a namespace\n");
    assertThat(r.err())
        .isEqualTo(
            "error: foo \"nope\" not found in namespace team-a; list the Foos with:"
                + " kubectl foo get -n team-a\n");
  }

  @Test
  void whenDeletingAllOrBySelector_exactlyTheSelectedFoosAreDeleted() {
    Foo gold = Foo.of(NS, "foo-01", "jack");
    gold.getMetadata().setLabels(java.util.Map.of("tier", "gold"));
    client.resource(gold).create();
    client.resource(Foo.of(NS, "foo-02", "jack")).create();

    Result selected = plugin.run("delete", "-l", "tier=gold", "-o", "name");
    Result none = plugin.run("delete", "-l", "tier=gold");
    Result all = plugin.run("delete", "--all", "--wait=false");

    assertThat(selected.exitCode()).as(selected.toString()).isZero();
    assertThat(selected.out()).isEqualTo("foo.tutorial.my.domain/foo-01\n");
    assertThat(none.out()).isEqualTo("No resources found\n");
    assertThat(all.out())
        .isEqualTo("foo.tutorial.my.domain \"foo-02\" deleted from team-a namespace\n");
    assertThat(foo("foo-02")).isNull();
  }

  @Test
  void whenDryRunOrIgnoringMissingFoos_nothingIsDeletedOrNothingFails() {
    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Result dry = plugin.run("delete", "foo-01", "--dry-run=client");
    Result ignored = plugin.run("delete", "nope", "--ignore-not-found");

    assertThat(dry.out())
        .isEqualTo("foo.tutorial.my.domain \"foo-01\" deleted from team-a namespace (dry run)\n");
    assertThat(foo("foo-01")).isNotNull();
    assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
    assertThat(ignored.out()).isEmpty();
    assertThat(ignored.err()).isEmpty();
  }

  @Test
  void whenDeleteIsGivenNoTargetOrTwoKinds_itIsAUsageErrorWithNothingSent() {
    Result nothing = plugin.run("delete");
    Result both = plugin.run("delete", "foo-01", "--all");

    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err())
        .startsWith("error: name the Foos to delete, or select them with -l SELECTOR or --all");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("error: Foos cannot be named together with --all");
  }

  // version and help
  // version and help

  @Test
  void version_printsThePluginVersionWithoutAnyCluster() {
    Result r = PluginRun.withEnv(java.util.Map.of(), Clock.systemUTC()).run("version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).matches("kubectl-foo \\S+ \\(Foo API tutorial.my.domain/v1\\)\n");
  }

  @Test
  void crd_printsTheGeneratedCrdWithoutAnyCluster() throws Exception {
    Result r = PluginRun.withEnv(java.util.Map.of(), Clock.systemUTC()).run("crd");

    String generated;
    try (var in = getClass().getClassLoader().getResourceAsStream(FooCrd.RESOURCE)) {
      generated = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(generated);
    assertThat(
            Serialization.unmarshal(r.out(), CustomResourceDefinition.class)
                .getMetadata()
                .getName())
        .isEqualTo(FooCrd.NAME);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command :
        List.of("create", "get", "friends", "why", "delete", "version", "completion", "crd")) {
      Result r = plugin.run(command, "-h");
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: kubectl foo " + command);
    }
  }

  @Test
  void whenAFlagIsUnknown_theCommandExitsWith2WithOneLine() {
    Result r = plugin.run("get", "--bogus");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: Unknown option: '--bogus'; see 'kubectl foo get --help'\n");
  }

  private Foo foo(String name) {
    return client.resources(Foo.class).inNamespace(NS).withName(name).get();
  }

  private void storeFoo(String name, String friend, boolean happy, String reason, Duration unused) {
    Foo foo = client.resource(Foo.of(NS, name, friend)).create();
    FooStatus status = new FooStatus();
    status.setHappy(happy);
    status.setObservedGeneration(foo.getMetadata().getGeneration());
    status.setConditions(
        List.of(
            new FooCondition(
                "Happy",
                happy ? "True" : "False",
                foo.getMetadata().getGeneration(),
                Instant.now().toString(),
                reason,
                happy
                    ? "Pod " + friend + " exists in namespace " + NS
                    : "Pod " + friend + " does not exist in namespace " + NS)));
    foo.setStatus(status);
    client.resource(foo).updateStatus();
  }

  /**
   * A Foo as an older CRD let it be stored: no spec at all; with the status the operator gives it.
   */
  private void storeFooWithoutSpec(String name, boolean withStatus) {
    Foo foo = Foo.of(NS, name, "unused");
    foo.setSpec(null);
    foo = client.resource(foo).create();
    if (withStatus) {
      FooStatus status = new FooStatus();
      status.setHappy(false);
      status.setObservedGeneration(foo.getMetadata().getGeneration());
      status.setConditions(
          List.of(
              new FooCondition(
                  "Happy",
                  "False",
                  foo.getMetadata().getGeneration(),
                  Instant.now().toString(),
                  "NoFriendNamed",
                  "Foo "
                      + name
                      + " in namespace "
                      + NS
                      + " names no friend: spec.name is missing")));
      foo.setStatus(status);
      client.resource(foo).updateStatus();
    }
  }

  private void createPod(String name, String phase, boolean terminating) {
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .endContainer()
            .endSpec();
    if (phase != null) {
      builder.withNewStatus().withPhase(phase).endStatus();
    }
    if (terminating) {
      builder.editMetadata().withFinalizers("test.tutorial.my.domain/hold").endMetadata();
    }
    client.resource(builder.build()).create();
    if (terminating) {
      // A finalizer keeps the Pod, now with a deletion timestamp: Terminating.
      client.pods().inNamespace(NS).withName(name).delete();
    }
  }

  static CustomResourceDefinition crd() {
    try (InputStream in =
        Foo.class.getResourceAsStream("/META-INF/fabric8/foos.tutorial.my.domain-v1.yml")) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
