package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo why} on a real API server with no operator running: every unhappy finding an
 * API-only cluster can produce, with its exit code. (The happy verdict is in {@link
 * WhyWithOperatorIT}.)
 */
class WhyIT extends WithPluginCluster {
  static final String NO_LEASE = "no-such-lease";

  /** Kubeconfigs and other files the tests write. */
  @TempDir static Path files;

  TestNamespace other;
  final List<String> held = new ArrayList<>();

  @BeforeEach
  void setUp(TestNamespace other) {
    this.other = other;
  }

  @AfterEach
  void cleanUp() {
    held.forEach(name -> TestPods.release(admin, ns.name(), name));
  }

  @Test
  void
      whenTheFriendIsMissing_whyExitsWith1WithFriendNotFoundStatusNotReconciledAndOperatorNotRunning() {
    createFoo("foo-01", "jack");

    Result r = why("foo-01", "--lease-name", NO_LEASE);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("Foo " + ns.name() + "/foo-01 is not happy (FriendNotFound).\n")
        .contains("[FriendNotFound] Pod jack does not exist in namespace " + ns.name() + ".")
        .contains("[StatusNotReconciled] The Foo has no status yet")
        .contains(
            "[OperatorNotRunning] No namespace has the operator's leader Lease ("
                + NO_LEASE
                + ", a Lease labelled app.kubernetes.io/name=foo-operator)")
        .contains("  fix: ");
  }

  @Test
  void whenTheFriendIsTerminating_whyReportsFriendTerminating() {
    createFoo("foo-01", "jack");
    Cluster.terminatingPod(admin, ns.name(), "jack");
    held.add("jack");

    JsonNode report = whyJson("foo-01", 1);

    assertThat(report.get("reason").asText()).isEqualTo("FriendTerminating");
    assertThat(codes(report)).first().isEqualTo("FriendTerminating");
  }

  @Test
  void whenTheFriendLivesInAnotherNamespace_whyReportsFriendInOtherNamespace() {
    createFoo("foo-01", "jack");
    admin.resource(TestPods.pod(other.name(), "jack")).create();

    JsonNode report = whyJson("foo-01", 1);

    assertThat(codes(report)).contains("FriendNotFound", "FriendInOtherNamespace");
    assertThat(finding(report, "FriendInOtherNamespace").get("message").asText())
        .contains(other.name());
  }

  @Test
  void whenAPodHasASimilarName_whyReportsSimilarPodName() {
    createFoo("foo-01", "jack");
    admin.resource(TestPods.pod(ns.name(), "jakc")).create();

    JsonNode report = whyJson("foo-01", 1);

    assertThat(finding(report, "SimilarPodName").get("message").asText()).contains("jakc");
  }

  @Test
  void whenADeploymentOfThatNameMakesThePods_whyReportsPodsOfWorkload() {
    createFoo("foo-01", "jack");
    admin
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("jack")
                .withNamespace(ns.name())
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "jack")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "jack")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("registry.k8s.io/pause:3.10")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    // No controller-manager runs here, so make the Pod a ReplicaSet of that Deployment would make.
    Pod pod = TestPods.pod(ns.name(), "jack-5d9f8-x7k2p");
    pod.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion("apps/v1")
                    .withKind("ReplicaSet")
                    .withName("jack-5d9f8")
                    .withUid("00000000-0000-0000-0000-000000000001")
                    .withController(true)
                    .build()));
    admin.resource(pod).create();

    JsonNode report = whyJson("foo-01", 1);

    assertThat(finding(report, "PodsOfWorkload").get("message").asText())
        .startsWith("Deployment jack exists")
        .contains("jack-5d9f8-x7k2p (ReplicaSet jack-5d9f8)");
  }

  @Test
  void whenTheLeaseIsStale_whyReportsOperatorNotRunning() {
    createFoo("foo-01", "jack");
    admin
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName("stale")
                .withNamespace(ns.name())
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("foo-operator-old")
                .withLeaseDurationSeconds(15)
                .withRenewTime(ZonedDateTime.now().minusMinutes(10))
                .endSpec()
                .build())
        .create();

    JsonNode report =
        whyJson("foo-01", 1, "--operator-namespace", ns.name(), "--lease-name", "stale");

    assertThat(finding(report, "OperatorNotRunning").get("message").asText())
        .contains("(held by foo-operator-old) was last renewed 10m ago");
  }

  @Test
  void whenTheStatusIsBehindTheSpec_whyReportsStatusNotReconciled() {
    Foo foo = createFoo("foo-01", "jack");
    var status = new my.domain.tutorial.api.v1.FooStatus();
    status.setHappy(false);
    status.setObservedGeneration(foo.getMetadata().getGeneration());
    foo.setStatus(status);
    admin.resource(foo).updateStatus();
    admin
        .resources(Foo.class)
        .inNamespace(ns.name())
        .withName("foo-01")
        .edit(
            f -> {
              f.getSpec().setName("jill");
              return f;
            });

    JsonNode report = whyJson("foo-01", 1);

    assertThat(finding(report, "StatusNotReconciled").get("message").asText())
        .contains("generation 1")
        .contains("generation 2");
  }

  @Test
  void whenFooDoesNotExist_whyExitsWith3AndSuggestsCloseNames() {
    createFoo("foo-01", "jack");

    Result r = why("foo-1");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out())
        .contains(
            "[FooNotFound] There is no Foo foo-1 in namespace "
                + ns.name()
                + ". Did you mean foo-01?");
  }

  @Test
  void whenTheUserMayReadOnlyItsNamespace_whyJudgesAndNamesEachCheckItCouldNotMake() {
    createFoo("foo-01", "jack");
    String token =
        Cluster.tokenFor(
            admin, ns.name(), "team-member", List.of("foos", "pods"), List.of("get", "list"));
    Kubectl member =
        kubectl.withKubeconfig(
            Kubectl.kubeconfigWithToken(cp, files.resolve("member-" + ns.name()), token, null));

    Result r = member.run("foo", "why", "foo-01", "-n", ns.name(), "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode report = r.json();
    assertThat(report.get("reason").asText()).isEqualTo("FriendNotFound");
    assertThat(report.get("verdictFrom").asText()).isEqualTo("cluster");
    List<String> forbidden = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f -> {
              if (f.get("code").asText().equals("Forbidden")) {
                forbidden.add(f.get("message").asText());
              }
            });
    assertThat(forbidden)
        .anyMatch(m -> m.startsWith("Not allowed to list pods in all namespaces"))
        .anyMatch(
            m -> m.startsWith("Not allowed to get deployments.apps in namespace " + ns.name()))
        .anyMatch(
            m ->
                m.startsWith(
                    "Not allowed to list leases.coordination.k8s.io in all namespaces, nor to list"
                        + " leases.coordination.k8s.io in namespace "
                        + ns.name()));
  }

  @Test
  void whenTheUserMayNotReadTheFoo_whyExitsWith4() {
    createFoo("foo-01", "jack");
    String token = Cluster.tokenFor(admin, ns.name(), "stranger", List.of(), List.of());
    Kubectl stranger =
        kubectl.withKubeconfig(
            Kubectl.kubeconfigWithToken(cp, files.resolve("stranger-" + ns.name()), token, null));

    Result r = stranger.run("foo", "why", "foo-01", "-n", ns.name());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.out())
        .contains(
            "[Forbidden] Not allowed to get foos.tutorial.my.domain in namespace " + ns.name());
  }

  @Test
  void whenAStoredFooHasNoSpec_whyGetAndFriendsEachSayItNamesNoFriend_neverNullNorExit5() {
    // Only a CRD from before spec was required let such a Foo in: store it under that CRD.
    OperatorUnderTest.installCrdNotRequiringSpec(admin);
    try {
      var noSpec =
          new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
              .withApiVersion("tutorial.my.domain/v1")
              .withKind("Foo")
              .withNewMetadata()
              .withName("foo-01")
              .withNamespace(ns.name())
              .endMetadata()
              .build();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> admin.resource(noSpec).create() != null);
    } finally {
      OperatorUnderTest.installCrd(admin);
    }

    Result why = why("foo-01", "--lease-name", NO_LEASE);
    assertThat(why.exitCode()).as(why.toString()).isEqualTo(1);
    assertThat(why.err()).isEmpty();
    assertThat(why.out())
        .startsWith("Foo " + ns.name() + "/foo-01 is not happy (NoFriendNamed).\n")
        .contains(
            "[NoFriendNamed] Foo foo-01 in namespace "
                + ns.name()
                + " names no friend: spec.name is missing.")
        .contains("kubectl patch foo foo-01 -n " + ns.name())
        .doesNotContain("null");

    Result get = kubectl.run("foo", "get", "-n", ns.name());
    assertThat(get.exitCode()).as(get.toString()).isZero();
    // No friend, no status yet: empty FRIEND, HAPPY and REASON cells, as kubectl prints them.
    assertThat(get.out()).containsPattern("foo-01 {29}\\d+s");

    Result friends = kubectl.run("foo", "friends", "-n", ns.name());
    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(friends.out()).isEqualTo("FRIEND   POD      FOOS\n<none>   <none>   foo-01\n");
    assertThat(friends.err()).contains("Foo foo-01 in namespace " + ns.name() + " names no friend");
  }

  @Test
  void whenNoNameIsGiven_whyExplainsEveryUnhappyFooWorstFirstThenSumsUp() {
    createFoo("foo-a", "jack");
    createFoo("foo-b", "joe");
    createFoo("foo-c", "jill");
    createFoo("foo-d", "jake");
    admin.resource(TestPods.pod(other.name(), "jack")).create();
    admin.resource(TestPods.pod(ns.name(), "jill")).create();
    Cluster.terminatingPod(admin, ns.name(), "joe");
    held.add("joe");

    Result r = kubectl.run("foo", "why", "-n", ns.name(), "--lease-name", NO_LEASE);
    Result all = kubectl.run("foo", "why", "-n", ns.name(), "--lease-name", NO_LEASE, "--all");
    Result json =
        kubectl.run("foo", "why", "-n", ns.name(), "--lease-name", NO_LEASE, "-o", "json");
    Result cluster = kubectl.run("foo", "why", "-A", "--lease-name", NO_LEASE);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).isEmpty();
    String n = ns.name();
    assertThat(r.out())
        .startsWith("Foo " + n + "/foo-a is not happy (FriendNotFound).\n")
        .contains("[FriendInOtherNamespace] A Pod named jack exists in namespace " + other.name())
        .doesNotContain("foo-c")
        .endsWith(
            "\n3 of 4 Foos in namespace "
                + n
                + " are unhappy: 2 FriendNotFound, 1 FriendTerminating.\n");
    assertThat(r.out().indexOf("Foo " + n + "/foo-d is not happy (FriendNotFound)."))
        .isGreaterThan(0)
        .isLessThan(r.out().indexOf("Foo " + n + "/foo-b is not happy (FriendTerminating)."));
    assertThat(r.out().split("\\[OperatorNotRunning]", -1)).as("once for all").hasSize(2);
    assertThat(all.exitCode()).as(all.toString()).isEqualTo(1);
    assertThat(all.out()).contains("Foo " + n + "/foo-c is happy (FriendFound).");
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
    JsonNode list = json.json();
    assertThat(list.get("total").asInt()).isEqualTo(4);
    assertThat(list.get("unhappy").asInt()).isEqualTo(3);
    assertThat(list.get("reasons").get("FriendNotFound").asInt()).isEqualTo(2);
    assertThat(list.get("items").findValuesAsText("name"))
        .containsExactly("foo-a", "foo-d", "foo-b");
    assertThat(cluster.exitCode()).as(cluster.toString()).isEqualTo(1);
    assertThat(cluster.out())
        .contains("Foo " + n + "/foo-a is not happy", "Foo " + n + "/foo-b is not happy")
        .containsPattern("\\d+ of \\d+ Foos are unhappy: ");
  }

  @Test
  void whenEveryFooIsHappy_whyWithoutANameExitsWith0() {
    createFoo("foo-a", "jill");
    admin.resource(TestPods.pod(ns.name(), "jill")).create();
    Result named = kubectl.run("foo", "why", "foo-a", "-A");

    Result r = kubectl.run("foo", "why", "-n", ns.name());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("The 1 Foo in namespace " + ns.name() + " is happy.\n");
    assertThat(named.exitCode()).as(named.toString()).isEqualTo(2);
    assertThat(named.err()).startsWith("error: a Foo cannot be explained by name across all");
  }

  private Foo createFoo(String name, String friend) {
    return admin.resource(Foo.of(ns.name(), name, friend)).create();
  }

  private Result why(String name, String... more) {
    List<String> args = new ArrayList<>(List.of("foo", "why", name, "-n", ns.name()));
    args.addAll(List.of(more));
    return kubectl.run(args.toArray(String[]::new));
  }

  private JsonNode whyJson(String name, int exit, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("-o", "json"));
    Result r = why(name, args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
    assertThat(r.err()).as(r.toString()).isEmpty();
    return r.json();
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    return codes;
  }

  private static JsonNode finding(JsonNode report, String code) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + report);
  }

  @SuppressWarnings("unused")
  private static Map<String, String> none() {
    return Map.of();
  }
}
