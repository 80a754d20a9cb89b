package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What why reads from OLM's ClusterServiceVersion in a Foo's namespace. */
class OlmInstallTest {
  @Test
  void aCopiedCsvOwningTheFooCrd_namesTheOperatorsNamespaceDeploymentAndPhase() {
    Optional<OlmInstall> install =
        OlmInstall.of(
            csv(
                "foos.tutorial.my.domain",
                "annotations: {olm.operatorNamespace: openshift-operators}",
                "labels: {olm.copiedFrom: openshift-operators}"));

    assertThat(install)
        .contains(
            new OlmInstall(
                "foo-operator.v0.1.0",
                "openshift-operators",
                "foo-operator",
                Optional.of("Succeeded")));
  }

  @Test
  void aCsvWithoutTheAnnotation_namesTheNamespaceItWasCopiedFrom() {
    assertThat(OlmInstall.of(csv("foos.tutorial.my.domain", "labels: {olm.copiedFrom: operators}")))
        .map(OlmInstall::namespace)
        .contains("operators");
  }

  @Test
  void anOriginalCsv_namesItsOwnNamespace() {
    assertThat(OlmInstall.of(csv("foos.tutorial.my.domain")))
        .map(OlmInstall::namespace)
        .contains("team-a");
  }

  @Test
  void aCsvOfAnotherOperator_isNotOurs() {
    assertThat(OlmInstall.of(csv("bars.example.com"))).isEmpty();
  }

  private static GenericKubernetesResource csv(String ownedCrd, String... metadata) {
    return Serialization.unmarshal(
        """
        apiVersion: operators.coreos.com/v1alpha1
        kind: ClusterServiceVersion
        metadata:
          name: foo-operator.v0.1.0
          namespace: team-a
        %s
        spec:
          customresourcedefinitions:
            owned: [{name: %s, version: v1, kind: Foo}]
          install:
            strategy: deployment
            spec:
              deployments: [{name: foo-operator, spec: {}}]
        status:
          phase: Succeeded
        """
            .formatted(
                String.join("\n", java.util.Arrays.stream(metadata).map(m -> "  " + m).toList()),
                ownedCrd),
        GenericKubernetesResource.class);
  }
}
