package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
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
 * leader Lease in foo-system): the happy verdict, and the plugin agreeing with the status the
 * operator wrote.
 */
@ExtendWith(ControlPlaneExtension.class)
class WhyWithOperatorIT {
  @TempDir static Path home;

  static OperatorUnderTest operator;

  KubernetesClient admin;
  TestNamespace ns;
  Kubectl kubectl;

  @BeforeAll
  static void startOperator(ControlPlane cp) {
    // A Lease an earlier run left behind would hold this operator off until it expires.
    deleteLease(cp);
    operator = OperatorUnderTest.start(cp, Map.of(OperatorSettings.LEADER_ELECTION, "true"));
    await().atMost(Duration.ofSeconds(30)).until(() -> operator.operator().isLeader());
  }

  @AfterAll
  static void stopOperator(ControlPlane cp) {
    try {
      if (operator != null) {
        operator.close();
      }
    } finally {
      // A Lease left behind (its release failed, or the operator never stopped cleanly) would
      // turn OperatorNotRunning on and off in later tests as it ages past its duration.
      deleteLease(cp);
    }
  }

  private static void deleteLease(ControlPlane cp) {
    cp.adminClient()
        .leases()
        .inNamespace(OperatorDefaults.NAMESPACE)
        .withName(OperatorDefaults.LEASE_NAME)
        .delete();
  }

  @BeforeEach
  void setUp(ControlPlane cp) {
    admin = cp.adminClient();
    ns = TestNamespace.create(admin, "why-op");
    kubectl = Kubectl.admin(cp, home);
  }

  @AfterEach
  void cleanUp() {
    ns.close();
  }

  @Test
  void whenTheFriendExistsAndTheOperatorRuns_whyExitsWith0WithOnlyFriendFound() {
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
    kubectl.run("foo", "create", "foo-01", "--friend", "jack", "-n", ns.name());
    awaitStatus("foo-01", false);

    Result r = kubectl.run("foo", "why", "foo-01", "-n", ns.name(), "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("\"code\" : \"FriendNotFound\"")
        .doesNotContain("StatusNotReconciled")
        .doesNotContain("OperatorNotRunning");
  }

  private void awaitStatus(String name, boolean happy) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> admin.resources(Foo.class).inNamespace(ns.name()).withName(name).get(),
            f -> f.getStatus() != null && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }
}
