package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.kubectl.why.Facts.PodSummary;
import my.domain.tutorial.kubectl.why.Facts.WorkloadCheck;
import org.junit.jupiter.api.Test;

/** The why rules as a pure function: one test per finding, no cluster. */
class DiagnosisTest {
  static final String NS = "team-a";
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  // FriendFound

  @Test
  void whenTheFriendExists_theVerdictIsHappyWithFriendFoundAndExitIs0() {
    WhyReport r =
        Diagnosis.diagnose(facts(reconciled(true, "FriendFound")).friend(pod(false)).build());

    assertThat(r.happy()).isTrue();
    assertThat(r.reason()).isEqualTo("FriendFound");
    assertThat(r.verdictFrom()).isEqualTo("cluster");
    assertThat(codes(r)).containsExactly(FindingCode.FriendFound);
    assertThat(r.findings().get(0).fix()).isNull();
    assertThat(r.exitCode()).isZero();
  }

  // FriendNotFound

  @Test
  void whenNoPodHasTheFriendsName_theVerdictIsFriendNotFoundWithAFixAndExitIs1() {
    WhyReport r = Diagnosis.diagnose(facts(reconciled(false, "FriendNotFound")).build());

    assertThat(r.happy()).isFalse();
    assertThat(codes(r)).containsExactly(FindingCode.FriendNotFound);
    assertThat(r.findings().get(0).message())
        .isEqualTo("Pod jack does not exist in namespace team-a.");
    assertThat(r.findings().get(0).fix())
        .contains("create Pod jack in namespace team-a")
        .contains("kubectl patch foo");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  // FriendTerminating

  @Test
  void whenTheFriendIsBeingDeleted_theVerdictIsFriendTerminating() {
    WhyReport r =
        Diagnosis.diagnose(facts(reconciled(false, "FriendTerminating")).friend(pod(true)).build());

    assertThat(r.happy()).isFalse();
    assertThat(codes(r)).containsExactly(FindingCode.FriendTerminating);
    assertThat(r.findings().get(0).fix()).contains("finalizers");
  }

  // FriendInOtherNamespace

  @Test
  void whenThePodLivesInAnotherNamespace_whyNamesThatNamespace() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .otherNamespaces(Lookup.found(List.of("team-b")))
                .build());

    Finding f = find(r, FindingCode.FriendInOtherNamespace);
    assertThat(f.message())
        .isEqualTo(
            "A Pod named jack exists in namespace team-b, but only Pods in the Foo's own"
                + " namespace team-a count.");
    assertThat(f.fix()).contains("kubectl foo create foo-01 --friend jack -n team-b");
  }

  // SimilarPodName

  @Test
  void whenAPodHasACloseName_whySuggestsIt() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .podsInNamespace(Lookup.found(List.of(bare("jakc"), bare("unrelated"))))
                .build());

    Finding f = find(r, FindingCode.SimilarPodName);
    assertThat(f.message()).isEqualTo("Namespace team-a has Pod jakc, close to jack: a typo?");
    assertThat(f.fix()).contains("{\"spec\":{\"name\":\"jakc\"}}");
  }

  // PodsOfWorkload

  @Test
  void whenADeploymentOfThatNameExists_whyExplainsItsPodsAreNamedDifferently() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .workloads(List.of(new WorkloadCheck("Deployment", Lookup.found(true))))
                .podsInNamespace(
                    Lookup.found(
                        List.of(
                            new PodSummary(
                                "jack-5d9f8-x7k2p",
                                Optional.of("ReplicaSet"),
                                Optional.of("jack-5d9f8")))))
                .build());

    Finding f = find(r, FindingCode.PodsOfWorkload);
    assertThat(f.message())
        .startsWith(
            "Deployment jack exists in namespace team-a, but a workload names its Pods"
                + " jack-<suffix>, never jack.")
        .contains("jack-5d9f8-x7k2p (ReplicaSet jack-5d9f8)");
    assertThat(f.fix()).contains("jack-5d9f8-x7k2p");
    assertThat(codes(r)).doesNotContain(FindingCode.SimilarPodName);
  }

  @Test
  void whenOnlyOwnedPodsWithThePrefixExist_whyStillReportsPodsOfWorkload() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .podsInNamespace(
                    Lookup.found(
                        List.of(
                            new PodSummary(
                                "jack-0", Optional.of("StatefulSet"), Optional.of("jack")))))
                .build());

    assertThat(find(r, FindingCode.PodsOfWorkload).message())
        .startsWith("Pods named jack-<suffix> exist");
  }

  // StatusNotReconciled

  @Test
  void whenTheFooHasNoStatus_whyReportsStatusNotReconciled() {
    WhyReport r = Diagnosis.diagnose(facts(Foo.of(NS, "foo-01", "jack")).build());

    assertThat(find(r, FindingCode.StatusNotReconciled).message()).contains("no status yet");
    assertThat(r.happy()).isFalse();
  }

  @Test
  void whenTheStatusIsForAnOlderGeneration_whyReportsStatusNotReconciled() {
    Foo foo = reconciled(false, "FriendNotFound");
    foo.getMetadata().setGeneration(3L);

    WhyReport r = Diagnosis.diagnose(facts(foo).build());

    assertThat(find(r, FindingCode.StatusNotReconciled).message())
        .contains("generation 1")
        .contains("generation 3");
  }

  @Test
  void whenTheStatusDisagreesWithTheCluster_whyReportsStatusNotReconciled() {
    WhyReport r =
        Diagnosis.diagnose(facts(reconciled(false, "FriendNotFound")).friend(pod(false)).build());

    assertThat(r.happy()).isTrue();
    assertThat(find(r, FindingCode.StatusNotReconciled).message())
        .contains(
            "status says unhappy (FriendNotFound), but the cluster now says happy (FriendFound)");
  }

  // OperatorNotRunning: where the operator was installed, and what a user may read

  @Test
  void whenNoNamespaceHasTheOperatorsLease_whyReportsOperatorNotRunningAndHowToFindItsDeployment() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound")).operator(Searches.noneAnywhere()).build());

    Finding f = find(r, FindingCode.OperatorNotRunning);
    assertThat(f.message())
        .startsWith(
            "No namespace has the operator's leader Lease (a Lease labelled"
                + " app.kubernetes.io/name=foo-operator): no operator is running");
    assertThat(f.fix())
        .contains("kubectl get deploy -A --field-selector metadata.name=foo-operator");
  }

  @Test
  void whenTheNamedOperatorNamespaceHasNoLease_whyReportsOperatorNotRunningThere() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .operator(Searches.noneInPinned("foo-system"))
                .build());

    assertThat(find(r, FindingCode.OperatorNotRunning).message())
        .contains("foo-system/foo-operator-leader does not exist");
  }

  @Test
  void whenTheLeaseInOperatorsExpired_whyReportsOperatorNotRunningNamingThatNamespace() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .operator(Searches.leaseIn("operators", NOW, 300))
                .build());

    Finding f = find(r, FindingCode.OperatorNotRunning);
    assertThat(f.message())
        .isEqualTo(
            "The operator's leader Lease operators/foo-operator-leader (held by op-1) was last"
                + " renewed 5m ago, and it is valid for 15s only: the operator has stopped.");
    assertThat(f.fix())
        .isEqualTo(
            "see why it stopped: kubectl -n operators get deploy foo-operator, and its logs:"
                + " kubectl -n operators logs deploy/foo-operator");
  }

  @Test
  void whenTheLeaseIsFresh_whyReportsNothingAboutTheOperator() {
    WhyReport r =
        Diagnosis.diagnose(facts(reconciled(true, "FriendFound")).friend(pod(false)).build());

    assertThat(codes(r)).doesNotContain(FindingCode.OperatorNotRunning, FindingCode.Forbidden);
  }

  @Test
  void whenTheOperatorRunsInTheFoosOwnNamespace_theStatusFixNamesThatNamespace() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(Foo.of(NS, "foo-01", "jack")).operator(Searches.leaseIn(NS, NOW, 2)).build());

    assertThat(find(r, FindingCode.StatusNotReconciled).fix())
        .isEqualTo(
            "check that the operator runs and watches namespace team-a: kubectl -n team-a get"
                + " deploy foo-operator, and its logs: kubectl -n team-a logs deploy/foo-operator");
    assertThat(codes(r)).doesNotContain(FindingCode.OperatorNotRunning);
  }

  @Test
  void whenTheOperatorsLeaseCannotBeSeen_whySaysWhatItCouldNotCheckInsteadOfOperatorNotRunning() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(Foo.of(NS, "foo-01", "jack"))
                .operator(
                    Searches.refused(
                        List.of(NS), List.of("foo-system", "openshift-operators", "operators")))
                .build());

    assertThat(codes(r)).doesNotContain(FindingCode.OperatorNotRunning);
    Finding f = find(r, FindingCode.Forbidden);
    assertThat(f.message())
        .isEqualTo(
            "Not allowed to list leases.coordination.k8s.io in all namespaces, nor to list"
                + " leases.coordination.k8s.io in namespace foo-system, nor to list"
                + " leases.coordination.k8s.io in namespace openshift-operators, nor to list"
                + " leases.coordination.k8s.io in namespace operators (no operator Lease in"
                + " namespace team-a): could not find the operator's leader Lease, so whether the"
                + " operator runs is unknown.");
    assertThat(f.fix()).contains("--operator-namespace");
    assertThat(find(r, FindingCode.StatusNotReconciled).fix())
        .contains("kubectl get deploy -A --field-selector metadata.name=foo-operator");
  }

  @Test
  void whenOnlyOlmsCsvCanBeRead_whyNamesTheNamespaceAndDeploymentOlmInstalledItIn() {
    OlmInstall olm =
        new OlmInstall(
            "foo-operator.v0.1.0", "openshift-operators", "foo-operator", Optional.of("Succeeded"));
    WhyReport r =
        Diagnosis.diagnose(
            facts(Foo.of(NS, "foo-01", "jack"))
                .operator(Searches.refusedWithCsv(List.of(NS), olm))
                .build());

    assertThat(codes(r)).doesNotContain(FindingCode.OperatorNotRunning);
    Finding f = find(r, FindingCode.Forbidden);
    assertThat(f.message())
        .endsWith(
            "could not find the operator's leader Lease, so whether the operator runs is unknown."
                + " OLM installed the operator in namespace openshift-operators"
                + " (ClusterServiceVersion foo-operator.v0.1.0, phase Succeeded).");
    assertThat(f.fix())
        .isEqualTo(
            "check it there: kubectl -n openshift-operators get deploy foo-operator, and its logs:"
                + " kubectl -n openshift-operators logs deploy/foo-operator; for why to tell whether"
                + " it runs, ask a cluster admin for list on leases.coordination.k8s.io in namespace"
                + " openshift-operators");
    assertThat(find(r, FindingCode.StatusNotReconciled).fix())
        .contains("kubectl -n openshift-operators get deploy foo-operator");
  }

  // FooNotFound

  @Test
  void whenFooDoesNotExist_whyExitsWith3AndSuggestsCloseNames() {
    Facts facts =
        Facts.builder(NS, "foo-1")
            .fooNames(Lookup.found(List.of("foo-01", "bar")))
            .now(NOW)
            .build();

    WhyReport r = Diagnosis.diagnose(facts);

    assertThat(r.exists()).isFalse();
    assertThat(codes(r)).containsExactly(FindingCode.FooNotFound);
    assertThat(r.findings().get(0).message())
        .isEqualTo("There is no Foo foo-1 in namespace team-a. Did you mean" + " foo-01?");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  // FooApiNotInstalled

  @Test
  void whenTheCrdIsNotInstalled_whyExitsWith4AndSaysHowToInstallIt() {
    Facts facts = Facts.builder(NS, "foo-01").fooApiInstalled(false).now(NOW).build();

    WhyReport r = Diagnosis.diagnose(facts);

    assertThat(codes(r)).containsExactly(FindingCode.FooApiNotInstalled);
    assertThat(r.findings().get(0).fix()).contains("kubectl apply -f");
    assertThat(r.exitCode()).isEqualTo(4);
  }

  // Forbidden

  @Test
  void whenOtherNamespacesCannotBeListed_whyReportsForbiddenButStillJudges() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(false, "FriendNotFound"))
                .otherNamespaces(Lookup.forbidden("list", "pods", "all namespaces"))
                .build());

    assertThat(r.happy()).isFalse();
    assertThat(find(r, FindingCode.Forbidden).message())
        .isEqualTo(
            "Not allowed to list pods in all namespaces: could"
                + " not look for Pod jack in other namespaces.");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void whenTheFriendPodCannotBeRead_whyTakesTheVerdictFromTheStatus() {
    WhyReport r =
        Diagnosis.diagnose(
            facts(reconciled(true, "FriendFound"))
                .friend(Lookup.forbidden("get", "pods", "namespace team-a"))
                .build());

    assertThat(r.happy()).isTrue();
    assertThat(r.verdictFrom()).isEqualTo("status");
    assertThat(codes(r)).contains(FindingCode.FriendFound, FindingCode.Forbidden);
  }

  @Test
  void whenTheFooCannotBeRead_whyHasNoVerdictAndExitsWith4() {
    Facts facts =
        Facts.builder(NS, "foo-01")
            .foo(Lookup.forbidden("get", "foos.tutorial.my.domain", "namespace team-a"))
            .now(NOW)
            .build();

    WhyReport r = Diagnosis.diagnose(facts);

    assertThat(r.happy()).isNull();
    assertThat(codes(r)).containsExactly(FindingCode.Forbidden);
    assertThat(r.exitCode()).isEqualTo(4);
  }

  @Test
  void theVerdictIsAlwaysTheOneTheApiModuleGives() {
    Foo foo = reconciled(false, "FriendNotFound");
    for (Optional<FriendPod> seen :
        List.of(
            Optional.<FriendPod>empty(),
            Optional.of(new FriendPod(NS, "jack", false)),
            Optional.of(new FriendPod(NS, "jack", true)),
            Optional.of(new FriendPod("team-b", "jack", false)))) {
      WhyReport r = Diagnosis.diagnose(facts(foo).friend(Lookup.found(seen)).build());
      var expected = Friendship.verdict(foo, seen);
      assertThat(r.happy()).isEqualTo(expected.happy());
      assertThat(r.reason()).isEqualTo(expected.reason().name());
    }
  }

  // helpers

  static Foo reconciled(boolean happy, String reason) {
    Foo foo = Foo.of(NS, "foo-01", "jack");
    foo.getMetadata().setGeneration(1L);
    FooStatus status = new FooStatus();
    status.setHappy(happy);
    status.setObservedGeneration(1L);
    status.setConditions(
        List.of(
            new FooCondition(
                "Happy",
                happy ? "True" : "False",
                1L,
                NOW.toString(),
                reason,
                "from the operator")));
    foo.setStatus(status);
    return foo;
  }

  static Lookup<Optional<FriendPod>> pod(boolean terminating) {
    return Lookup.found(Optional.of(new FriendPod(NS, "jack", terminating)));
  }

  static PodSummary bare(String name) {
    return new PodSummary(name, Optional.empty(), Optional.empty());
  }

  static List<FindingCode> codes(WhyReport r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  static Finding find(WhyReport r, FindingCode code) {
    return r.findings().stream()
        .filter(f -> f.code() == code)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + r.findings()));
  }

  /**
   * Facts of a found Foo: no pods anywhere, no Deployment of the friend's name, a fresh Lease,
   * unless a test says otherwise.
   */
  static Facts.Builder facts(Foo foo) {
    return Facts.builder(NS, foo.getMetadata().getName())
        .foo(Lookup.found(Optional.of(foo)))
        .workloads(List.of(new WorkloadCheck("Deployment", Lookup.found(false))))
        .operator(Searches.leaseIn("foo-system", NOW, 2))
        .now(NOW);
  }
}
