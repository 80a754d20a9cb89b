package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersionBuilder;
import org.junit.jupiter.api.Test;

class ClusterServiceVersionsTest {
  private final ClusterServiceVersion base = TestBundles.sources().csvBase();

  @Test
  void theCheckedInBase_setsOnlyDescriptiveFields() {
    assertThatNoException()
        .isThrownBy(() -> ClusterServiceVersions.requireOnlyDescriptiveFields(base));
  }

  @Test
  void aBaseThatSetsADerivedField_isRejected_namingTheField() {
    ClusterServiceVersion withVersion =
        new ClusterServiceVersionBuilder(base)
            .editSpec()
            .withVersion("9.9.9")
            .withMinKubeVersion("1.20.0")
            .endSpec()
            .build();
    ClusterServiceVersion withExamples =
        new ClusterServiceVersionBuilder(base)
            .editMetadata()
            .addToAnnotations("alm-examples", "[]")
            .endMetadata()
            .build();

    assertThatThrownBy(() -> ClusterServiceVersions.requireOnlyDescriptiveFields(withVersion))
        .hasMessageContaining("spec.version")
        .hasMessageContaining("spec.minKubeVersion");
    assertThatThrownBy(() -> ClusterServiceVersions.requireOnlyDescriptiveFields(withExamples))
        .hasMessageContaining("alm-examples");
  }
}
