package my.domain.tutorial.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ClusterResources;

/**
 * The shipped ClusterRole and leader-election Role, read from the operator jar and taken apart into
 * one grant per verb, so a test can hand a ServiceAccount all of them but one. No list of verbs is
 * written here: a rule added to the manifests becomes a case of its own.
 */
final class ShippedRbac {
  private static final String CLUSTER_ROLE = OperatorDefaults.MANIFESTS + "cluster_role.yaml";
  private static final String LEADER_ROLE =
      OperatorDefaults.MANIFESTS + "leader_election_role.yaml";

  private ShippedRbac() {}

  /**
   * One verb on one resource of one shipped role; {@code resourceNames} as the rule has them.
   *
   * @param clusterWide from the ClusterRole, else from the Role in the operator's namespace
   */
  record Grant(
      boolean clusterWide,
      String apiGroup,
      String resource,
      List<String> resourceNames,
      String verb) {
    @Override
    public String toString() {
      return verb + " " + resource + (resourceNames.isEmpty() ? "" : " " + resourceNames);
    }

    /**
     * The rule granting it; a rule naming the shipped Lease names {@code leaseName} instead, so
     * each case elects through a Lease of its own.
     */
    PolicyRule rule(String leaseName) {
      return new PolicyRuleBuilder()
          .withApiGroups(apiGroup)
          .withResources(resource)
          .withResourceNames(
              resourceNames.stream()
                  .map(n -> n.equals(OperatorDefaults.LEASE_NAME) ? leaseName : n)
                  .toList())
          .withVerbs(verb)
          .build();
    }

    /** Whether {@code user} may do this in {@code namespace}, as the API server decides now. */
    boolean allowedFor(
        KubernetesClient admin, String user, List<String> groups, String namespace, String lease) {
      String[] parts = resource.split("/", 2);
      String name = resourceNames.isEmpty() ? null : rule(lease).getResourceNames().get(0);
      SubjectAccessReview review =
          new SubjectAccessReviewBuilder()
              .withNewSpec()
              .withUser(user)
              .withGroups(groups)
              .withNewResourceAttributes()
              .withGroup(apiGroup)
              .withResource(parts[0])
              .withSubresource(parts.length > 1 ? parts[1] : null)
              .withVerb(verb)
              .withNamespace(clusterWide ? namespace : OperatorDefaults.NAMESPACE)
              .withName(name)
              .endResourceAttributes()
              .endSpec()
              .build();
      return admin
          .authorization()
          .v1()
          .subjectAccessReview()
          .create(review)
          .getStatus()
          .getAllowed();
    }
  }

  /** Every verb the shipped ClusterRole and Role grant, in the manifests' order. */
  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    split(ClusterResources.load(CLUSTER_ROLE, ClusterRole.class).getRules(), true, grants);
    split(ClusterResources.load(LEADER_ROLE, Role.class).getRules(), false, grants);
    return grants;
  }

  private static void split(List<PolicyRule> rules, boolean clusterWide, List<Grant> into) {
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            into.add(new Grant(clusterWide, group, resource, rule.getResourceNames(), verb));
          }
        }
      }
    }
  }

  /**
   * Grants {@code grants} to {@code serviceAccount} in the operator's namespace through a
   * ClusterRole, a Role and their bindings of that name, and waits until the API server's
   * authorizer says so (it follows RBAC changes through a watch). Closing deletes the four.
   */
  static AutoCloseable grant(
      KubernetesClient admin,
      String serviceAccount,
      List<Grant> grants,
      String namespace,
      String leaseName) {
    String ns = OperatorDefaults.NAMESPACE;
    var subject =
        new SubjectBuilder()
            .withKind("ServiceAccount")
            .withName(serviceAccount)
            .withNamespace(ns)
            .build();
    List<HasMetadata> objects =
        List.of(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .endMetadata()
                .withRules(
                    grants.stream().filter(Grant::clusterWide).map(g -> g.rule(leaseName)).toList())
                .build(),
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", serviceAccount)
                .withSubjects(subject)
                .build(),
            new RoleBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .withNamespace(ns)
                .endMetadata()
                .withRules(
                    grants.stream()
                        .filter(g -> !g.clusterWide())
                        .map(g -> g.rule(leaseName))
                        .toList())
                .build(),
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .withNamespace(ns)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", serviceAccount)
                .withSubjects(subject)
                .build());
    objects.forEach(o -> admin.resource(o).create());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                grants.stream()
                    .allMatch(g -> allowed(admin, serviceAccount, g, namespace, leaseName)));
    return () -> objects.forEach(o -> admin.resource(o).delete());
  }

  /** Whether the ServiceAccount may do what {@code grant} allows (the shipped rules' subject). */
  static boolean allowed(
      KubernetesClient admin, String serviceAccount, Grant grant, String namespace, String lease) {
    String ns = OperatorDefaults.NAMESPACE;
    return grant.allowedFor(
        admin,
        "system:serviceaccount:" + ns + ":" + serviceAccount,
        List.of("system:serviceaccounts", "system:serviceaccounts:" + ns, "system:authenticated"),
        namespace,
        lease);
  }
}
