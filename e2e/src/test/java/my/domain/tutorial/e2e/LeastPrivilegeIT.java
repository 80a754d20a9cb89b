package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
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
  private KubernetesClient admin;
  private KubernetesClient operator;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp) {
    admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    OperatorUnderTest.installRbac(admin);
    operator = cp.clientAs(OperatorUnderTest.NAMESPACE, OperatorUnderTest.SERVICE_ACCOUNT);
    ns = TestNamespace.create(admin, "rbac");
    admin.resource(TestPods.pod(ns.name(), "jack")).create();
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
  }

  @AfterEach
  void tearDown() {
    operator.close();
    ns.close();
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
  void readingOneOrChangingAnyPod_isForbidden() {
    assertForbidden(() -> operator.pods().inNamespace(ns.name()).withName("jack").get());
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

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
  }
}
