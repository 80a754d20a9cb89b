package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.e2e.ShippedRbac.Grant;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.OperatorEndpoints.Probe;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica that wins the Lease but cannot start reconciling (a rollout whose new RBAC is not
 * applied yet: its Pod informer is refused with 403) must not keep the Lease: it gives it up and
 * says on {@code /readyz} why it is not ready, so that a correctly bound replica leads.
 */
@ExtendWith(ControlPlaneExtension.class)
class MisconfiguredReplicaIT {
  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;
  private String leaseName;
  private final List<String> holders = new CopyOnWriteArrayList<>();
  private Watch leaseWatch;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    // The operator's namespace, and the healthy replica's ServiceAccount and roles, as shipped.
    OperatorUnderTest.installRbac(admin);
    this.ns = ns;
    leaseName = "lease-" + ns.name();
    // Every write to the Lease, as the API server stored it: who held it, in order.
    leaseWatch =
        admin
            .leases()
            .inNamespace(OperatorUnderTest.NAMESPACE)
            .withName(leaseName)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Lease lease) {
                    holders.add(Objects.toString(lease.getSpec().getHolderIdentity(), ""));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  @AfterEach
  void tearDown() {
    leaseWatch.close();
    admin.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(leaseName).delete();
  }

  @Test
  void aReplicaThatCannotListPods_givesUpTheLease_andIsNotReady_soAHealthyReplicaLeads()
      throws Exception {
    List<Grant> withoutListPods =
        ShippedRbac.grants().stream()
            .filter(g -> !(g.resource().equals("pods") && g.verb().equals("list")))
            .toList();
    assertThat(withoutListPods).hasSize(ShippedRbac.grants().size() - 1);
    String brokenAccount = "foo-operator-broken-" + ns.name();
    var settings = OperatorScenario.settings(ns.name(), leaseName);

    try (AutoCloseable granted =
            ShippedRbac.grant(admin, brokenAccount, withoutListPods, ns.name(), leaseName);
        OperatorUnderTest broken = OperatorUnderTest.startAs(cp, brokenAccount, settings)) {
      String brokenId = broken.identity();
      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(() -> assertThat(holders).as("Lease holders").contains(brokenId));
      await()
          .atMost(FooWaits.PATIENCE)
          .untilAsserted(
              () -> {
                Probe ready = broken.probe("/readyz");
                assertThat(ready.status()).as(ready.body()).isEqualTo(503);
                assertThat(ready.body())
                    .contains("could not start reconciling")
                    .contains("pods")
                    .contains("forbidden");
              });
      admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();

      try (OperatorUnderTest healthy = OperatorUnderTest.start(cp, settings)) {
        String healthyId = healthy.identity();
        FooWaits.awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");
        await()
            .atMost(FooWaits.PATIENCE)
            .untilAsserted(
                () -> {
                  assertThat(healthy.leads()).isTrue();
                  assertThat(healthy.probe("/readyz").status()).isEqualTo(200);
                  assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(healthyId);
                });
        assertThat(holders.get(0))
            .as("the misconfigured replica took the Lease first")
            .isEqualTo(brokenId);
        assertThat(broken.leads()).isFalse();
        assertThat(broken.probe("/readyz").status()).isEqualTo(503);
        assertThat(broken.writes()).as("writes of the misconfigured replica").isEmpty();
      }
    }
  }

  private Lease lease() {
    return admin.leases().inNamespace(OperatorUnderTest.NAMESPACE).withName(leaseName).get();
  }
}
