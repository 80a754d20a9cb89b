package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.MetricsScraper;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the shipped RBAC does not grant is really forbidden by the API server. That every granted
 * verb is used, and that the grants suffice, is ShippedRbacIT's to prove.
 */
@ExtendWith(ControlPlaneExtension.class)
class LeastPrivilegeIT {
  private ControlPlane cp;
  private KubernetesClient admin;
  private KubernetesClient operator;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    OperatorUnderTest.installRbac(admin);
    operator = cp.clients().as(OperatorUnderTest.NAMESPACE, OperatorUnderTest.SERVICE_ACCOUNT);
    this.ns = ns;
    admin.resource(TestPods.pod(ns.name(), "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
  }

  @AfterEach
  void tearDown() {
    operator.close();
  }

  @Test
  void changingFoosOrTheirSpec_isForbidden() {
    assertForbidden(() -> operator.resource(Foo.of(ns.name(), "foo-02", "jack")).create());
    assertForbidden(
        () -> operator.resources(Foo.class).inNamespace(ns.name()).withName("foo-01").delete());
    Foo foo = admin.resources(Foo.class).inNamespace(ns.name()).withName("foo-01").get();
    foo.getSpec().setName("jill");
    assertForbidden(() -> operator.resource(foo).update());
  }

  @Test
  void changingAnyPod_isForbidden() {
    assertForbidden(() -> operator.pods().inNamespace(ns.name()).withName("jack").delete());
    assertForbidden(() -> operator.resource(TestPods.pod(ns.name(), "rogue")).create());
  }

  @Test
  void secretsConfigMapsAndOtherNamespacesLeases_areForbidden() {
    assertForbidden(() -> operator.secrets().inNamespace(ns.name()).list());
    assertForbidden(
        () ->
            operator
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("x")
                        .withNamespace(ns.name())
                        .endMetadata()
                        .build())
                .create());
    assertForbidden(
        () ->
            operator
                .resource(
                    new LeaseBuilder()
                        .withNewMetadata()
                        .withName("steal")
                        .withNamespace(ns.name())
                        .endMetadata()
                        .build())
                .create());
    assertForbidden(
        () -> operator.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName("x").delete());
  }

  @Test
  void anotherLeaseInItsOwnNamespace_cannotBeReadOrRenewed() {
    String other = "someone-elses-leader";
    admin
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName(other)
                .withNamespace(OperatorUnderTest.NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("someone")
                .endSpec()
                .build())
        .create();
    try {
      assertForbidden(
          () -> operator.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(other).get());
      assertForbidden(
          () ->
              operator
                  .leases()
                  .inNamespace(OperatorUnderTest.NAMESPACE)
                  .withName(other)
                  .patch(
                      PatchContext.of(PatchType.JSON_MERGE),
                      "{\"spec\":{\"holderIdentity\":\"me\"}}"));
      assertForbidden(() -> operator.leases().inNamespace(OperatorUnderTest.NAMESPACE).list());
    } finally {
      admin.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(other).delete();
    }
  }

  @Test
  void readingOrDeletingEvents_isForbidden() {
    assertForbidden(() -> operator.v1().events().inNamespace(ns.name()).list());
    assertForbidden(() -> operator.v1().events().inNamespace(ns.name()).withName("any").delete());
  }

  /**
   * The review verbs the secure {@code /metrics} needs let the operator ask about others, not read
   * anything itself: its own account may not read {@code /metrics}; and the shipped metrics-reader
   * role lets a scraper get {@code /metrics} and nothing else.
   */
  @Test
  void theMetricsReaderRole_grantsGetOnMetricsOnly_andTheOperatorDoesNotHoldIt() {
    MetricsScraper.readerToken(admin);
    String ns = OperatorUnderTest.NAMESPACE;
    String operatorUser = "system:serviceaccount:" + ns + ":" + OperatorUnderTest.SERVICE_ACCOUNT;
    String scraper = "system:serviceaccount:" + ns + ":" + MetricsScraper.READER;

    assertThat(allowed(operatorUser, "get", "/metrics")).isFalse();
    assertThat(allowed(scraper, "get", "/metrics")).isTrue();
    assertThat(allowed(scraper, "post", "/metrics")).isFalse();
    assertThat(allowed(scraper, "get", "/debug/pprof/")).isFalse();
    assertThat(allowed(scraper, "get", "/metrics/slis")).isFalse();
    try (KubernetesClient asScraper = cp.clients().as(ns, MetricsScraper.READER)) {
      assertForbidden(() -> asScraper.pods().inNamespace(this.ns.name()).list());
    }
  }

  /** Whether a ServiceAccount's user may {@code verb} the non-resource URL {@code path}. */
  private boolean allowed(String user, String verb, String path) {
    return admin
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(
            new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withUser(user)
                .withGroups("system:serviceaccounts", "system:authenticated")
                .withNewNonResourceAttributes(path, verb)
                .endSpec()
                .build())
        .getStatus()
        .getAllowed();
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
  }
}
