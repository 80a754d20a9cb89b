package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.util.List;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.junit.jupiter.api.Test;

/** The stand-in for OLM that the install-mode ITs use, checked against what OLM documents. */
class OlmSimulationTest {
  private final ClusterServiceVersion csv = TestBundles.bundle().csv();

  @Test
  void ownNamespace_getsTheRoleInTheOperatorNamespaceOnly_andWatchesIt() {
    OlmSimulation olm = new OlmSimulation(csv, "ops", List.of("ops"));

    assertThat(olm.installMode()).isEqualTo("OwnNamespace");
    assertThat(namespacesOf(olm.namespacedObjects(), Role.class)).containsExactly("ops");
    assertThat(olm.clusterObjects()).isEmpty();
    assertThat(olm.env("pod-1"))
        .containsEntry(OperatorSettings.WATCH_NAMESPACES, "ops")
        .containsEntry(OperatorSettings.OPERATOR_NAMESPACE, "ops")
        .containsEntry(OperatorSettings.POD_NAME, "pod-1");
  }

  @Test
  void
      singleAndMultiNamespace_copyTheRoleIntoEachTarget_withTheBindingNamingTheOperatorsServiceAccount() {
    OlmSimulation olm = new OlmSimulation(csv, "ops", List.of("a", "b"));

    assertThat(olm.installMode()).isEqualTo("MultiNamespace");
    assertThat(namespacesOf(olm.namespacedObjects(), Role.class)).containsExactly("ops", "a", "b");
    assertThat(olm.namespacedObjects())
        .filteredOn(RoleBinding.class::isInstance)
        .map(RoleBinding.class::cast)
        .allSatisfy(
            b ->
                assertThat(b.getSubjects())
                    .singleElement()
                    .satisfies(
                        s -> {
                          assertThat(s.getNamespace()).isEqualTo("ops");
                          assertThat(s.getName()).isEqualTo("foo-operator");
                        }));
    assertThat(olm.clusterObjects()).isEmpty();
    assertThat(olm.env("p")).containsEntry(OperatorSettings.WATCH_NAMESPACES, "a,b");
    assertThat(new OlmSimulation(csv, "ops", List.of("a")).installMode())
        .isEqualTo("SingleNamespace");
  }

  @Test
  void allNamespaces_liftsThePermissionsToAClusterRole_andWatchesEverything() {
    OlmSimulation olm = new OlmSimulation(csv, "ops", List.of());

    assertThat(olm.installMode()).isEqualTo("AllNamespaces");
    assertThat(olm.namespacedObjects())
        .extracting(HasMetadata::getKind)
        .containsExactly("ServiceAccount");
    assertThat(olm.clusterObjects())
        .extracting(HasMetadata::getKind)
        .containsExactly("ClusterRole", "ClusterRoleBinding");
    ClusterRole lifted = (ClusterRole) olm.clusterObjects().get(0);
    assertThat(lifted.getRules())
        .containsAll(csv.getSpec().getInstall().getSpec().getPermissions().get(0).getRules());
    assertThat(olm.env("p")).containsEntry(OperatorSettings.WATCH_NAMESPACES, "");
  }

  @Test
  void theOperatorReadsTheSimulatedEnvironment() {
    var settings =
        OperatorSettings.fromEnvironment(new OlmSimulation(csv, "ops", List.of("a", "b")).env("p"));

    assertThat(settings.watchedNamespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(settings.operatorNamespace()).contains("ops");
    assertThat(
            OperatorSettings.fromEnvironment(new OlmSimulation(csv, "ops", List.of()).env("p"))
                .watchesAllNamespaces())
        .isTrue();
  }

  private static List<String> namespacesOf(List<HasMetadata> objects, Class<?> kind) {
    return objects.stream()
        .filter(kind::isInstance)
        .map(o -> o.getMetadata().getNamespace())
        .toList();
  }
}
