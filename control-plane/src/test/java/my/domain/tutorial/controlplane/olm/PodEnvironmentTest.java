package my.domain.tutorial.controlplane.olm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodEnvironmentTest {
  private static PodBuilder pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("foo-operator-7954695657-lk2dx")
        .withNamespace("ops")
        .addToAnnotations("olm.targetNamespaces", "a,b")
        .addToLabels("app", "foo")
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName("foo-operator")
        .addNewContainer()
        .withName("operator")
        .addNewEnv()
        .withName("LITERAL")
        .withValue("json")
        .endEnv()
        .addNewEnv()
        .withName("TARGETS")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.annotations['olm.targetNamespaces']")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("NS")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("APP")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.labels['app']")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("MISSING")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.annotations['not-there']")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .endContainer()
        .endSpec();
  }

  @Test
  void literalsAndFieldReferences_resolveAgainstThePodItself() {
    Map<String, String> env = PodEnvironment.of(pod().build(), "operator");

    assertThat(env)
        .containsExactly(
            Map.entry("LITERAL", "json"),
            Map.entry("TARGETS", "a,b"),
            Map.entry("NS", "ops"),
            Map.entry("APP", "foo"),
            Map.entry("MISSING", ""));
  }

  @Test
  void aVariableFromASecret_isRefused_ratherThanLeftOut() {
    Pod pod =
        pod()
            .editSpec()
            .editContainer(0)
            .addNewEnv()
            .withName("PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("s")
            .withKey("k")
            .endSecretKeyRef()
            .endValueFrom()
            .endEnv()
            .endContainer()
            .endSpec()
            .build();

    assertThatThrownBy(() -> PodEnvironment.of(pod, "operator"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PASSWORD")
        .hasMessageContaining("only literal values and fieldRef");
  }

  @Test
  void anUnknownContainer_isNamedInTheError() {
    assertThatThrownBy(() -> PodEnvironment.of(pod().build(), "sidecar"))
        .hasMessageContaining("has no container sidecar");
  }
}
