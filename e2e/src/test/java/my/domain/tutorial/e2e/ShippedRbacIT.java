package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.e2e.ShippedRbac.Grant;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped RBAC is exactly what the operator needs. Sufficient: the operator, run as its
 * ServiceAccount with the shipped roles, does every step of the {@link OperatorScenario} (its
 * Lease, status writes, Events new, repeated and continued after a restart), and no Event write
 * fails. Minimal: with any one verb of the shipped roles taken away (the verbs are read from the
 * manifests), some step of the same scenario no longer happens.
 */
@ExtendWith(ControlPlaneExtension.class)
class ShippedRbacIT {
  private static final Logger log = LoggerFactory.getLogger(ShippedRbacIT.class);
  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;
  private String leaseName;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
    leaseName = "lease-" + ns.name();
  }

  @AfterEach
  void tearDown() {
    admin.leases().inNamespace(OperatorDefaults.NAMESPACE).withName(leaseName).delete();
  }

  @Test
  void withTheShippedRolesAsTheyAre_theOperatorDoesEveryStep_andNoEventWriteFails() {
    // The shipped Role reads and renews only the Lease of the shipped name.
    leaseName = OperatorDefaults.LEASE_NAME;
    OperatorScenario scenario =
        new OperatorScenario(
            admin,
            () -> OperatorUnderTest.start(cp, OperatorScenario.settings(ns.name(), leaseName)),
            ns.name(),
            leaseName);

    assertThat(scenario.run()).isEmpty();
  }

  /**
   * The same split-up roles with nothing taken away pass: a failure below is the missing verb's,
   * not the copying's.
   */
  @Test
  void withEveryShippedVerbGrantedOneByOne_theOperatorDoesEveryStep() throws Exception {
    assertThat(runWith(ShippedRbac.grants(), null)).isEmpty();
  }

  @ParameterizedTest(name = "without {0}")
  @MethodSource("shippedGrants")
  void withoutOneShippedVerb_someStepOfTheScenarioFails(Grant removed) throws Exception {
    List<Grant> rest = ShippedRbac.grants().stream().filter(g -> !g.equals(removed)).toList();
    assertThat(rest).hasSize(ShippedRbac.grants().size() - 1);

    assertThat(runWith(rest, removed))
        .as(
            "the operator did every step without "
                + removed
                + ": the shipped roles need not grant it")
        .isPresent();
  }

  @Test
  void whenTheApiServerRefusesAnEvent_theFailureIsCounted_andTheStatusStillWritten()
      throws Exception {
    List<Grant> rest =
        ShippedRbac.grants().stream()
            .filter(g -> !(g.resource().equals("events") && g.verb().equals("create")))
            .toList();
    String serviceAccount = "foo-operator-" + ns.name();
    try (AutoCloseable granted =
            ShippedRbac.grant(admin, serviceAccount, rest, ns.name(), leaseName);
        OperatorUnderTest operator =
            OperatorUnderTest.startAs(
                cp, serviceAccount, OperatorScenario.settings(ns.name(), leaseName))) {
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();

      FooWaits.awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(
              () -> assertThat(operator.metric("foo_events_failed_total")).isEqualTo(1.0));
      assertThat(operator.metric("foo_events_recorded_total")).isZero();
    }
  }

  static Stream<Grant> shippedGrants() {
    return ShippedRbac.grants().stream();
  }

  /** The scenario as a ServiceAccount of this case's own holding {@code grants}. */
  private Optional<String> runWith(List<Grant> grants, Grant removed) throws Exception {
    String serviceAccount = "foo-operator-" + ns.name();
    try (AutoCloseable granted =
        ShippedRbac.grant(admin, serviceAccount, grants, ns.name(), leaseName)) {
      if (removed != null) {
        assertThat(ShippedRbac.allowed(admin, serviceAccount, removed, ns.name(), leaseName))
            .as("%s is still granted by some other role", removed)
            .isFalse();
      }
      Optional<String> stopped =
          new OperatorScenario(
                  admin,
                  () ->
                      OperatorUnderTest.startAs(
                          cp, serviceAccount, OperatorScenario.settings(ns.name(), leaseName)),
                  ns.name(),
                  leaseName)
              .run();
      log.info("{}: {}", removed == null ? "all shipped verbs" : "without " + removed, stopped);
      return stopped;
    }
  }
}
