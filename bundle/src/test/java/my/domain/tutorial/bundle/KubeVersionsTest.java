package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import org.junit.jupiter.api.Test;

class KubeVersionsTest {
  @Test
  void theFooCrdUsesSelectableFields_soTheBundleNeedsKubernetes131() {
    assertThat(KubeVersions.minKubeVersion(TestBundles.sources().crd())).isEqualTo("1.31.0");
  }

  @Test
  void aCrdWithoutSelectableFields_needsOnlyTheBaseline() {
    var crd =
        new CustomResourceDefinitionBuilder()
            .withNewSpec()
            .addNewVersion()
            .withName("v1")
            .endVersion()
            .endSpec()
            .build();
    assertThat(KubeVersions.minKubeVersion(crd)).isEqualTo(KubeVersions.BASELINE);
  }

  @Test
  void openShiftVersions_followTheKubernetesMinor() {
    assertThat(KubeVersions.openShiftVersions("1.31.0")).isEqualTo("v4.18");
    assertThat(KubeVersions.openShiftVersions("1.29.0")).isEqualTo("v4.16");
    assertThatThrownBy(() -> KubeVersions.openShiftVersions("1.12.0"))
        .hasMessageContaining("predates");
  }

  @Test
  void majorMinor_dropsThePatch() {
    assertThat(KubeVersions.majorMinor("1.34.3")).isEqualTo("1.34");
    assertThat(KubeVersions.majorMinor("1.34")).isEqualTo("1.34");
  }
}
