package my.domain.tutorial.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import my.domain.tutorial.api.OperatorDefaults;
import org.junit.jupiter.api.Test;

/** What a cluster admin reviews before installing: RBAC scope and the Pod's security settings. */
class DeployManifestsTest {
  static final Path DIR = Path.of("src", "main", "kubernetes");

  static List<HasMetadata> manifests() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .map(
              f -> {
                try {
                  return (HasMetadata) Serialization.unmarshal(Files.readString(f));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  static <T> T only(Class<T> type) throws IOException {
    return manifests().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  static ClusterRole clusterRole(String name) throws IOException {
    return manifests().stream()
        .filter(ClusterRole.class::isInstance)
        .map(ClusterRole.class::cast)
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void clusterRoleGrantsExactlyWhatTheOperatorUses() throws IOException {
    List<PolicyRule> rules = clusterRole("foo-operator").getRules();

    assertThat(rules)
        .extracting(
            r ->
                String.join(",", r.getApiGroups())
                    + "/"
                    + String.join(",", r.getResources())
                    + ":"
                    + String.join(",", r.getVerbs()))
        .containsExactlyInAnyOrder(
            "tutorial.my.domain/foos:list,watch",
            "tutorial.my.domain/foos/status:update",
            "/pods:get,list,watch",
            "/events:create,get,patch",
            "authentication.k8s.io/tokenreviews:create",
            "authorization.k8s.io/subjectaccessreviews:create");
  }

  @Test
  void theMetricsReaderRole_grantsOnlyGetOnMetrics_andNoManifestBindsIt() throws IOException {
    ClusterRole reader = clusterRole("foo-operator-metrics-reader");

    assertThat(reader.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getNonResourceURLs()).containsExactly("/metrics");
              assertThat(r.getVerbs()).containsExactly("get");
              assertThat(r.getResources()).isNullOrEmpty();
            });
    assertThat(manifests())
        .filteredOn(ClusterRoleBinding.class::isInstance)
        .map(b -> ((ClusterRoleBinding) b).getRoleRef().getName())
        .doesNotContain("foo-operator-metrics-reader");
  }

  @Test
  void theMetricsService_exposesTheContainersMetricsPort_overHttps() throws IOException {
    Service service = only(Service.class);
    var container = only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("https");
              assertThat(p.getTargetPort().getStrVal()).isEqualTo("metrics");
              assertThat(container.getPorts())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getName()).isEqualTo("metrics");
                        assertThat(c.getContainerPort()).isEqualTo(p.getPort());
                      });
            });
  }

  @Test
  void leaderElectionRoleCoversOnlyItsOwnLease_exceptForCreate() throws IOException {
    assertThat(only(Role.class).getRules())
        .allSatisfy(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(r.getResources()).containsExactly("leases");
            })
        .extracting(r -> String.join(",", r.getVerbs()) + " on " + r.getResourceNames())
        .containsExactlyInAnyOrder(
            "create on []", "get,patch on [" + OperatorDefaults.LEASE_NAME + "]");
  }

  @Test
  void noRuleUsesAWildcard() throws IOException {
    Stream.concat(
            clusterRole("foo-operator").getRules().stream(), only(Role.class).getRules().stream())
        .forEach(
            rule -> {
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResources()).doesNotContain("*");
              assertThat(rule.getApiGroups()).doesNotContain("*");
            });
  }

  @Test
  void deploymentFitsTheRestrictedPodSecurityStandard() throws IOException {
    var pod = only(Deployment.class).getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getContainers())
        .allSatisfy(
            c -> {
              assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
              assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
              assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
              assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
              assertThat(c.getResources().getLimits()).containsKey("memory");
              assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
              assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            });
  }
}
