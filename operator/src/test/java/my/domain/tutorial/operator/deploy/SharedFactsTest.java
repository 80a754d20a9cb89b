package my.domain.tutorial.operator.deploy;

import static my.domain.tutorial.operator.deploy.DeployManifestsTest.manifests;
import static my.domain.tutorial.operator.deploy.DeployManifestsTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.junit.jupiter.api.Test;

/**
 * The facts {@link OperatorDefaults} keeps once (namespace, names, Lease timings, ports) are also
 * written in the deploy manifests and in docs/operator.md: each copy must say the same.
 */
class SharedFactsTest {
  @Test
  void theManifestsInstallIntoTheDefaultNamespace() throws IOException {
    assertThat(only(Namespace.class).getMetadata().getName()).isEqualTo(OperatorDefaults.NAMESPACE);
    assertThat(manifests())
        .map(m -> m.getMetadata().getNamespace())
        .filteredOn(ns -> ns != null)
        .isNotEmpty()
        .containsOnly(OperatorDefaults.NAMESPACE);
    assertThat(subjects())
        .extracting(Subject::getNamespace)
        .containsOnly(OperatorDefaults.NAMESPACE);
  }

  @Test
  void theDeploymentAndItsServiceAccountHaveTheDefaultNames() throws IOException {
    Deployment deployment = only(Deployment.class);
    assertThat(deployment.getMetadata().getName()).isEqualTo(OperatorDefaults.DEPLOYMENT);
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(OperatorDefaults.SERVICE_ACCOUNT);
    assertThat(subjects())
        .extracting(Subject::getName)
        .containsOnly(OperatorDefaults.SERVICE_ACCOUNT);
    assertThat(manifests())
        .allSatisfy(
            m ->
                assertThat(m.getMetadata().getLabels())
                    .containsEntry(OperatorDefaults.NAME_LABEL, OperatorDefaults.NAME_LABEL_VALUE));
  }

  @Test
  void theLeaderElectionRoleNamesTheDefaultLease() throws IOException {
    assertThat(only(Role.class).getRules())
        .flatExtracting(r -> r.getResourceNames() == null ? List.of() : r.getResourceNames())
        .containsOnly(OperatorDefaults.LEASE_NAME);
  }

  @Test
  void theContainerAndServicePortsAreTheDefaultPorts() throws IOException {
    Map<String, Integer> ports = new HashMap<>();
    for (ContainerPort p :
        only(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getPorts()) {
      ports.put(p.getName(), p.getContainerPort());
    }
    assertThat(ports)
        .containsEntry("health", OperatorDefaults.HEALTH_PORT)
        .containsEntry("metrics", OperatorDefaults.METRICS_PORT);
    assertThat(only(Service.class).getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(OperatorDefaults.METRICS_PORT));
  }

  @Test
  void theOperatorsSettingsDefaultToTheSharedValues() {
    OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of());

    assertThat(settings.leaseName()).isEqualTo(OperatorDefaults.LEASE_NAME);
    assertThat(settings.leaseDuration()).isEqualTo(OperatorDefaults.LEASE_DURATION);
    assertThat(settings.renewDeadline()).isEqualTo(OperatorDefaults.RENEW_DEADLINE);
    assertThat(settings.retryPeriod()).isEqualTo(OperatorDefaults.RETRY_PERIOD);
    assertThat(settings.healthPort()).isEqualTo(OperatorDefaults.HEALTH_PORT);
    assertThat(settings.metricsPort()).isEqualTo(OperatorDefaults.METRICS_PORT);
  }

  @Test
  void docsOperatorMdStatesTheSameDefaults() throws IOException {
    Map<String, String> documented = documentedDefaults();

    assertThat(documented)
        .containsEntry("FOO_LEASE_NAME", OperatorDefaults.LEASE_NAME)
        .containsEntry("FOO_LEASE_DURATION", seconds(OperatorDefaults.LEASE_DURATION))
        .containsEntry("FOO_RENEW_DEADLINE", seconds(OperatorDefaults.RENEW_DEADLINE))
        .containsEntry("FOO_RETRY_PERIOD", seconds(OperatorDefaults.RETRY_PERIOD))
        .containsEntry("FOO_HEALTH_PORT", Integer.toString(OperatorDefaults.HEALTH_PORT))
        .containsEntry("FOO_METRICS_PORT", Integer.toString(OperatorDefaults.METRICS_PORT));
  }

  private static List<Subject> subjects() throws IOException {
    return manifests().stream()
        .flatMap(
            m ->
                m instanceof RoleBinding rb
                    ? rb.getSubjects().stream()
                    : m instanceof ClusterRoleBinding crb
                        ? crb.getSubjects().stream()
                        : Stream.<Subject>empty())
        .toList();
  }

  /** docs/operator.md's settings table: each variable and its default, where that is a value. */
  private static Map<String, String> documentedDefaults() throws IOException {
    Path doc = Path.of(System.getProperty("foo.repo.root"), "docs", "operator.md");
    Matcher row =
        Pattern.compile("(?m)^\\| `(FOO_[A-Z_]+)` \\| `([^`]*)` \\|")
            .matcher(Files.readString(doc));
    Map<String, String> defaults = new HashMap<>();
    while (row.find()) {
      defaults.put(row.group(1), row.group(2));
    }
    return defaults;
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }
}
