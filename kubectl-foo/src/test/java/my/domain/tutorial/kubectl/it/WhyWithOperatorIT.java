package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo why} with the operator running (in-process, as its ServiceAccount, holding its
 * leader Lease where it was installed): the happy verdict, the plugin agreeing with the status the
 * operator wrote, and the operator found wherever it was installed: the shipped manifests' {@code
 * foo-system}, OLM's {@code operators} (AllNamespaces), or the Foo's own namespace (OwnNamespace),
 * without {@code --operator-namespace}; and a user who may not read where it runs is told so.
 */
@ExtendWith(ControlPlaneExtension.class)
class WhyWithOperatorIT {
  static final String OLM_NAMESPACE = "operators";

  @TempDir static Path home;

  ControlPlane cp;
  KubernetesClient admin;
  TestNamespace ns;
  Kubectl kubectl;
  final List<AutoCloseable> installed = new ArrayList<>();

  static boolean madeOlmNamespace;

  /** OLM's namespace, as a cluster with OLM has it. */
  @BeforeAll
  static void olmNamespace(ControlPlane cp) {
    KubernetesClient admin = cp.adminClient();
    if (admin.namespaces().withName(OLM_NAMESPACE).get() == null) {
      admin
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(OLM_NAMESPACE)
                  .endMetadata()
                  .build())
          .create();
      madeOlmNamespace = true;
    }
  }

  /**
   * Deleted once every case is done: without a namespace controller it stays Terminating, and
   * refuses new objects.
   */
  @AfterAll
  static void removeOlmNamespace(ControlPlane cp) {
    if (madeOlmNamespace) {
      cp.adminClient().namespaces().withName(OLM_NAMESPACE).delete();
    }
  }

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
    kubectl = Kubectl.admin(cp, home);
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      for (AutoCloseable c : installed) {
        c.close();
      }
    } finally {
    }
  }

  @Test
  void whenTheFriendExistsAndTheOperatorRuns_whyExitsWith0WithOnlyFriendFound() {
    install(OperatorDefaults.NAMESPACE, "");
    admin.resource(TestPods.pod(ns.name(), "jack")).create();
    Result created = kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    awaitStatus("foo-01", true);

    Result r = kubectl.run("foo", "why", "foo-01", "-n", ns.name());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Foo "
                + ns.name()
                + "/foo-01 is happy (FriendFound).\n\n"
                + "[FriendFound] Pod jack exists in namespace "
                + ns.name()
                + ".\n");
    assertThat(kubectl.run("foo", "get", "-n", ns.name()).out())
        .containsPattern("foo-01   jack     true    FriendFound   \\d+s");
  }

  @Test
  void whenTheFriendIsMissingAndTheOperatorRuns_whyAndTheStatusAgree() {
    install(OperatorDefaults.NAMESPACE, "");
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    awaitStatus("foo-01", false);

    Result r = kubectl.run("foo", "why", "foo-01", "-n", ns.name(), "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("\"code\" : \"FriendNotFound\"")
        .doesNotContain("StatusNotReconciled")
        .doesNotContain("OperatorNotRunning");
  }

  @Test
  void whenTheOperatorIsInstalledInOperators_whyFindsIt_andOnceItStopsNamesThatNamespace() {
    InstalledOperator operator = install(OLM_NAMESPACE, "");
    unhappyFoo();

    JsonNode report = why(kubectl);

    assertThat(codes(report)).containsExactly("FriendNotFound");
    operator.stop();
    assertStoppedIn(OLM_NAMESPACE, kubectl);
  }

  @Test
  void whenTheOperatorIsInstalledInTheFoosOwnNamespace_aUserWhoMayReadOnlyThatNamespaceFindsIt() {
    InstalledOperator operator = install(ns.name(), ns.name());
    unhappyFoo();
    Kubectl tenant = tenant(true);

    JsonNode report = why(tenant);

    assertThat(codes(report)).first().isEqualTo("FriendNotFound");
    assertThat(aboutTheOperator(report)).isEmpty();
    operator.stop();
    assertStoppedIn(ns.name(), tenant);
  }

  @Test
  void whenTheUserMayNotReadTheOperatorsNamespace_whySaysWhatItCouldNotCheckInsteadOfGuessing() {
    install(OLM_NAMESPACE, "");
    unhappyFoo();

    JsonNode report = why(tenant(false));

    assertThat(codes(report)).first().isEqualTo("FriendNotFound");
    assertThat(aboutTheOperator(report))
        .singleElement()
        .satisfies(f -> assertThat(f.get("code").asText()).isEqualTo("Forbidden"))
        .extracting(f -> f.get("message").asText())
        .isEqualTo(
            "Not allowed to list leases.coordination.k8s.io in all namespaces, nor to list"
                + " leases.coordination.k8s.io in namespace "
                + ns.name()
                + ", nor to list leases.coordination.k8s.io in namespace foo-system, nor to list"
                + " leases.coordination.k8s.io in namespace openshift-operators, nor to list"
                + " leases.coordination.k8s.io in namespace operators: could not find the"
                + " operator's leader Lease, so whether the operator runs is unknown.");
  }

  @Test
  void whenOlmInstalledTheOperator_aTenantWhoMayReadOnlyItsCsvIsToldWhereItRunsAndItsDeployment() {
    install(OLM_NAMESPACE, "");
    unhappyFoo();
    OlmCsv.installApi(admin);
    installed.add(() -> OlmCsv.removeApi(admin));
    OlmCsv.copied(admin, ns.name(), OLM_NAMESPACE);
    Kubectl tenant = tenant(false);
    Cluster.reader(admin, ns.name(), "tenant", "operators.coreos.com", "clusterserviceversions");

    JsonNode report = why(tenant);

    assertThat(aboutTheOperator(report))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("code").asText()).isEqualTo("Forbidden");
              assertThat(f.get("message").asText())
                  .endsWith(
                      "OLM installed the operator in namespace operators (ClusterServiceVersion "
                          + OlmCsv.NAME
                          + ", phase Succeeded).");
              assertThat(f.get("fix").asText())
                  .startsWith(
                      "check it there: kubectl -n operators get deploy foo-operator, and its"
                          + " logs: kubectl -n operators logs deploy/foo-operator");
            });
  }

  private InstalledOperator install(String namespace, String watched) {
    InstalledOperator operator = InstalledOperator.in(cp, namespace, watched);
    installed.add(operator);
    return operator;
  }

  /** foo-01 befriends a Pod that does not exist, and the operator has said so. */
  private void unhappyFoo() {
    Result created = kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    awaitStatus("foo-01", false);
  }

  /**
   * A user of the Foo's namespace: Foos and Pods there, and with {@code leases} the Leases there
   * too; nothing elsewhere.
   */
  private Kubectl tenant(boolean leases) {
    String token =
        Cluster.tokenFor(
            admin, ns.name(), "tenant", List.of("foos", "pods"), List.of("get", "list"));
    if (leases) {
      Cluster.reader(admin, ns.name(), "tenant", "coordination.k8s.io", "leases");
    }
    return kubectl.withKubeconfig(
        Kubectl.kubeconfigWithToken(cp, home.resolve("tenant-" + ns.name()), token, null));
  }

  /**
   * Once the operator stopped, why says so, naming where it ran and its Deployment there. Asked
   * once the Lease has expired, not polled across the moment it expires: the native tier reruns
   * every command on the JVM build and requires the same answer, which a poll straddling that
   * moment does not give.
   */
  private void assertStoppedIn(String namespace, Kubectl user) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> leaseExpired(namespace, Instant.now().minusSeconds(1)));
    JsonNode stopped = why(user);
    assertThat(codes(stopped)).contains("OperatorNotRunning");
    JsonNode finding = finding(stopped, "OperatorNotRunning");
    assertThat(finding.get("message").asText())
        .startsWith(
            "The operator's leader Lease " + namespace + "/" + OperatorDefaults.LEASE_NAME + " ");
    assertThat(finding.get("fix").asText())
        .isEqualTo(
            "see why it stopped: kubectl -n "
                + namespace
                + " get deploy foo-operator, and its logs: kubectl -n "
                + namespace
                + " logs deploy/foo-operator");
  }

  /** The operator's Lease in that namespace was valid no longer than until {@code before}. */
  private boolean leaseExpired(String namespace, Instant before) {
    Lease lease = admin.leases().inNamespace(namespace).withName(OperatorDefaults.LEASE_NAME).get();
    if (lease == null || lease.getSpec().getRenewTime() == null) {
      return true;
    }
    Integer seconds = lease.getSpec().getLeaseDurationSeconds();
    Instant validUntil =
        lease.getSpec().getRenewTime().toInstant().plusSeconds(seconds == null ? 0 : seconds);
    return validUntil.isBefore(before);
  }

  private JsonNode why(Kubectl user) {
    Result r = user.run("foo", "why", "foo-01", "-n", ns.name(), "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    return r.json();
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report.get("findings").forEach(f -> codes.add(f.get("code").asText()));
    return codes;
  }

  /**
   * The findings about the operator: OperatorNotRunning, and any about its Lease (a tenant's other
   * refused reads, of Pods elsewhere and of workloads, are WhyIT's subject).
   */
  private static List<JsonNode> aboutTheOperator(JsonNode report) {
    List<JsonNode> findings = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f -> {
              if (f.get("code").asText().equals("OperatorNotRunning")
                  || f.get("message").asText().contains("leases.coordination.k8s.io")) {
                findings.add(f);
              }
            });
    return findings;
  }

  private static JsonNode finding(JsonNode report, String code) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + report);
  }

  private void awaitStatus(String name, boolean happy) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> admin.resources(Foo.class).inNamespace(ns.name()).withName(name).get(),
            f -> f.getStatus() != null && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }
}
