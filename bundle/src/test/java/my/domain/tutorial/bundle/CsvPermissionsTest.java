package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvPermissionsTest {
  private final BundleSources sources = TestBundles.sources();
  private final ResourceScopes scopes = ResourceScopes.with(List.of(sources.crd()));

  @Test
  void everyOperatorRbacRule_appearsInTheCsv() {
    OperatorManifests manifests = sources.manifests();
    List<PolicyRule> operatorRules = new ArrayList<>();
    boundClusterRoles(manifests).forEach(r -> operatorRules.addAll(r.getRules()));
    manifests.roles().forEach(r -> operatorRules.addAll(r.getRules()));

    CsvPermissions csv = CsvPermissions.from(manifests, scopes);

    assertThat(operatorRules).isNotEmpty();
    assertThat(csv.allRules()).containsExactlyInAnyOrderElementsOf(operatorRules);
  }

  @Test
  void theCsvGrantsNothingTheOperatorManifestsDoNot() {
    CsvPermissions csv = CsvPermissions.from(sources.manifests(), scopes);
    List<PolicyRule> operatorRules = new ArrayList<>();
    boundClusterRoles(sources.manifests()).forEach(r -> operatorRules.addAll(r.getRules()));
    sources.manifests().roles().forEach(r -> operatorRules.addAll(r.getRules()));

    assertThat(operatorRules).containsAll(csv.allRules());
  }

  /**
   * The operator's own roles; the metrics-reader ClusterRole is for the scraper, bound by no one.
   */
  private static List<ClusterRole> boundClusterRoles(OperatorManifests manifests) {
    List<String> bound =
        manifests.clusterRoleBindings().stream().map(b -> b.getRoleRef().getName()).toList();
    return manifests.clusterRoles().stream()
        .filter(r -> bound.contains(r.getMetadata().getName()))
        .toList();
  }

  @Test
  void theOperatorsRules_onNamespacedResourcesGoToPermissions_theReviewsToClusterPermissions() {
    CsvPermissions csv = CsvPermissions.from(sources.manifests(), scopes);

    // TokenReview and SubjectAccessReview (the secure /metrics) are cluster-scoped: a Role cannot
    // grant them.
    assertThat(csv.clusterPermissions())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getRules())
                    .extracting(r -> r.getResources().get(0) + ":" + r.getVerbs())
                    .containsExactlyInAnyOrder(
                        "tokenreviews:[create]", "subjectaccessreviews:[create]"));
    assertThat(csv.permissions())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getServiceAccountName())
                    .isEqualTo(sources.manifests().serviceAccountName()));
  }

  @Test
  void aRuleOnAClusterScopedResource_goesToClusterPermissions() {
    OperatorManifests manifests =
        manifests(
            clusterRole("reader", rule("", "namespaces", "get"), rule("", "pods", "list")),
            clusterRoleBinding("reader", "foo-operator"));

    CsvPermissions csv = CsvPermissions.from(manifests, scopes);

    assertThat(csv.clusterPermissions())
        .singleElement()
        .satisfies(p -> assertThat(p.getRules()).containsExactly(rule("", "namespaces", "get")));
    assertThat(csv.permissions())
        .singleElement()
        .satisfies(p -> assertThat(p.getRules()).containsExactly(rule("", "pods", "list")));
  }

  @Test
  void anUnknownResource_countsAsClusterScoped_soItIsNeverNarrowedIntoARole() {
    assertThat(scopes.isNamespaced(rule("example.com", "widgets", "get"))).isFalse();
    assertThat(scopes.isNamespaced(rule("tutorial.my.domain", "foos/status", "update"))).isTrue();
  }

  @Test
  void rolesBoundToAnotherServiceAccount_areLeftOut() {
    OperatorManifests manifests =
        manifests(
            clusterRole("mine", rule("", "pods", "list")),
                clusterRoleBinding("mine", "foo-operator"),
            clusterRole("theirs", rule("", "secrets", "get")),
                clusterRoleBinding("theirs", "someone-else"));

    assertThat(CsvPermissions.from(manifests, scopes).allRules())
        .containsExactly(rule("", "pods", "list"));
  }

  @Test
  void aBindingToAMissingRole_failsTheBuild() {
    OperatorManifests manifests = manifests(clusterRoleBinding("ghost", "foo-operator"));

    assertThatThrownBy(() -> CsvPermissions.from(manifests, scopes))
        .hasMessageContaining("ClusterRole ghost");
  }

  @Test
  void duplicateRules_areGrantedOnce() {
    OperatorManifests manifests =
        manifests(
            clusterRole("a", rule("", "pods", "list")), clusterRoleBinding("a", "foo-operator"),
            role("b", rule("", "pods", "list")), roleBinding("b", "foo-operator"));

    assertThat(CsvPermissions.from(manifests, scopes).allRules())
        .containsExactly(rule("", "pods", "list"));
  }

  static PolicyRule rule(String group, String resource, String... verbs) {
    return new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verbs)
        .build();
  }

  private static OperatorManifests manifests(String... yaml) {
    Map<String, String> files = new java.util.TreeMap<>();
    files.put(
        "00-deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: foo-operator}
        spec:
          selector: {matchLabels: {app: x}}
          template:
            metadata: {labels: {app: x}}
            spec:
              serviceAccountName: foo-operator
              containers: [{name: operator, image: example/operator:1}]
        """);
    for (int i = 0; i < yaml.length; i++) {
      files.put(String.format("%02d.yaml", i + 1), yaml[i]);
    }
    return OperatorManifests.fromFiles(files);
  }

  private static String clusterRole(String name, PolicyRule... rules) {
    ClusterRole r =
        new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withRules(rules)
            .build();
    return io.fabric8.kubernetes.client.utils.Serialization.asYaml(r);
  }

  private static String role(String name, PolicyRule... rules) {
    Role r =
        new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("foo-system")
            .endMetadata()
            .withRules(rules)
            .build();
    return io.fabric8.kubernetes.client.utils.Serialization.asYaml(r);
  }

  private static String clusterRoleBinding(String role, String sa) {
    return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}
        subjects: [{kind: ServiceAccount, name: %s, namespace: foo-system}]
        """
        .formatted(role + "-" + sa, role, sa);
  }

  private static String roleBinding(String role, String sa) {
    return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %s, namespace: foo-system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: %s}
        subjects: [{kind: ServiceAccount, name: %s, namespace: foo-system}]
        """
        .formatted(role + "-" + sa, role, sa);
  }
}
