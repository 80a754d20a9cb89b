package my.domain.tutorial.kubectl.it;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.OperatorUnderTest;

/**
 * The operator installed into a namespace of the test's choosing, leading, as an install puts it
 * there: its leader-election Role and RoleBinding (the shipped ones) in that namespace, as OLM
 * creates a CSV's permissions in the namespace it installs into, and the operator told that
 * namespace (which must exist). Closing it stops the operator and removes what it made: its Lease,
 * that Role and binding.
 */
final class InstalledOperator implements AutoCloseable {
  private static final List<String> LEASE_RBAC =
      List.of("leader_election_role.yaml", "leader_election_role_binding.yaml");

  private final KubernetesClient admin;
  private final String namespace;
  private final List<HasMetadata> made = new ArrayList<>();
  private OperatorUnderTest operator;

  private InstalledOperator(KubernetesClient admin, String namespace) {
    this.admin = admin;
    this.namespace = namespace;
  }

  /**
   * Installs the operator into {@code namespace}, watching {@code watched} (empty: every
   * namespace), and waits until it leads.
   */
  static InstalledOperator in(ControlPlane cp, String namespace, String watched) {
    InstalledOperator installed = new InstalledOperator(cp.adminClient(), namespace);
    try {
      installed.install(cp, watched);
      return installed;
    } catch (RuntimeException e) {
      installed.close();
      throw e;
    }
  }

  private void install(ControlPlane cp, String watched) {
    deleteLease();
    if (!namespace.equals(OperatorDefaults.NAMESPACE)) {
      for (String manifest : LEASE_RBAC) {
        HasMetadata object =
            ClusterResources.load(OperatorDefaults.MANIFESTS + manifest, HasMetadata.class);
        object.getMetadata().setNamespace(namespace);
        made.add(admin.resource(object).forceConflicts().serverSideApply());
      }
    }
    operator =
        OperatorUnderTest.start(
            cp,
            Map.of(
                OperatorSettings.LEADER_ELECTION, "true",
                OperatorSettings.OPERATOR_NAMESPACE, namespace,
                OperatorSettings.WATCH_NAMESPACES, watched));
    await().atMost(Duration.ofSeconds(30)).until(() -> operator.leads());
  }

  /** Stops the operator (it releases its Lease), leaving the rest installed. */
  void stop() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      // A Lease left behind would be found by later tests' searches.
      deleteLease();
      made.forEach(o -> admin.resource(o).delete());
    }
  }

  private void deleteLease() {
    admin.leases().inNamespace(namespace).withName(OperatorDefaults.LEASE_NAME).delete();
  }
}
