package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentSpec;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.junit.jupiter.api.Test;

class InstallStrategyTest {
  private final Deployment manifest = TestBundles.sources().manifests().deployment();

  @Test
  void theCsvDeployment_isTheOperatorManifest_exceptTheWatchedNamespacesEnv() {
    StrategyDeploymentSpec csv = InstallStrategy.deploymentSpec(manifest, Optional.empty());

    assertThat(csv.getName()).isEqualTo(manifest.getMetadata().getName());
    assertThat(csv.getLabel()).isEqualTo(manifest.getMetadata().getLabels());
    assertThat(withoutWatchedNamespaces(csv.getSpec()))
        .isEqualTo(withoutWatchedNamespaces(manifest.getSpec()));
  }

  @Test
  void watchedNamespaces_comeFromOlmsTargetNamespacesAnnotation() {
    StrategyDeploymentSpec csv = InstallStrategy.deploymentSpec(manifest, Optional.empty());

    EnvVar watched =
        csv.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
            .filter(e -> e.getName().equals(OperatorSettings.WATCH_NAMESPACES))
            .findFirst()
            .orElseThrow();
    assertThat(watched.getValue()).isNull();
    assertThat(watched.getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.annotations['olm.targetNamespaces']");
  }

  @Test
  void theLeaseNamespace_isTheNamespaceOlmInstallsInto() {
    EnvVar lease =
        InstallStrategy.deploymentSpec(manifest, Optional.empty())
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getEnv()
            .stream()
            .filter(e -> e.getName().equals(OperatorSettings.OPERATOR_NAMESPACE))
            .findFirst()
            .orElseThrow();
    assertThat(lease.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
  }

  @Test
  void aDeploymentWithoutTheEnv_getsItAdded() {
    assertThat(InstallStrategy.olmEnv(null))
        .singleElement()
        .satisfies(e -> assertThat(e.getName()).isEqualTo(OperatorSettings.WATCH_NAMESPACES));
  }

  @Test
  void anImageOverride_replacesTheImage_andNothingElse() {
    StrategyDeploymentSpec csv =
        InstallStrategy.deploymentSpec(manifest, Optional.of("registry.example/foo@sha256:ab"));

    assertThat(csv.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("registry.example/foo@sha256:ab"));
    assertThat(InstallStrategy.image(manifest, Optional.of("x/y:1"))).isEqualTo("x/y:1");
    assertThat(InstallStrategy.image(manifest, Optional.empty()))
        .isEqualTo(manifest.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
  }

  @Test
  void theManifestItself_isNotChanged() {
    String before = manifest.toString();
    InstallStrategy.deploymentSpec(manifest, Optional.of("x/y:1"));
    assertThat(manifest.toString()).isEqualTo(before);
  }

  @Test
  void theCsvDeployment_keepsTheRestrictedSecurityContextAndResources() {
    var pod =
        InstallStrategy.deploymentSpec(manifest, Optional.empty())
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getContainers())
        .allSatisfy(
            c -> {
              assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
              assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
              assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
              assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            });
  }

  private static DeploymentSpec withoutWatchedNamespaces(DeploymentSpec spec) {
    DeploymentSpec copy = new DeploymentSpecBuilder(spec).build();
    copy.getTemplate()
        .getSpec()
        .getContainers()
        .forEach(
            c -> c.getEnv().removeIf(e -> e.getName().equals(OperatorSettings.WATCH_NAMESPACES)));
    return copy;
  }
}
