package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentPermissions;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentPermissionsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's RBAC as the CSV's {@code permissions} and {@code clusterPermissions}.
 *
 * <p>OLM creates a Role for {@code permissions} in the operator's namespace and copies it into
 * every target namespace of the OperatorGroup; for an AllNamespaces install it lifts it to a
 * ClusterRole. {@code clusterPermissions} always become a ClusterRole. The operator watches with
 * one informer per watched namespace when it is given target namespaces, so every rule that names
 * only namespaced resources goes to {@code permissions}, even when the plain manifests grant it
 * through a ClusterRole: a SingleNamespace install then gets no cluster-wide access at all. Rules a
 * Role cannot grant (cluster-scoped resources, non-resource URLs) go to {@code clusterPermissions}.
 */
public record CsvPermissions(
    List<StrategyDeploymentPermissions> permissions,
    List<StrategyDeploymentPermissions> clusterPermissions) {

  public CsvPermissions {
    permissions = List.copyOf(permissions);
    clusterPermissions = List.copyOf(clusterPermissions);
  }

  public static CsvPermissions from(OperatorManifests manifests, ResourceScopes scopes) {
    String sa = manifests.serviceAccountName();
    Set<PolicyRule> namespaced = new LinkedHashSet<>();
    Set<PolicyRule> clusterWide = new LinkedHashSet<>();

    for (var binding : manifests.clusterRoleBindings()) {
      if (!bindsServiceAccount(binding.getSubjects(), sa)) {
        continue;
      }
      ClusterRole role = clusterRole(manifests, binding.getRoleRef());
      for (PolicyRule rule : role.getRules()) {
        (scopes.isNamespaced(rule) ? namespaced : clusterWide).add(rule);
      }
    }
    for (var binding : manifests.roleBindings()) {
      if (!bindsServiceAccount(binding.getSubjects(), sa)) {
        continue;
      }
      RoleRef ref = binding.getRoleRef();
      if ("ClusterRole".equals(ref.getKind())) {
        clusterRole(manifests, ref).getRules().forEach(namespaced::add);
      } else {
        role(manifests, ref).getRules().forEach(namespaced::add);
      }
    }
    if (namespaced.isEmpty() && clusterWide.isEmpty()) {
      throw new IllegalStateException(
          "no Role or ClusterRole in the operator manifests is bound to ServiceAccount " + sa);
    }
    return new CsvPermissions(entry(sa, namespaced), entry(sa, clusterWide));
  }

  /** Every rule the CSV grants, namespaced first. */
  public List<PolicyRule> allRules() {
    List<PolicyRule> all = new ArrayList<>();
    permissions.forEach(p -> all.addAll(p.getRules()));
    clusterPermissions.forEach(p -> all.addAll(p.getRules()));
    return all;
  }

  private static List<StrategyDeploymentPermissions> entry(String sa, Set<PolicyRule> rules) {
    if (rules.isEmpty()) {
      return List.of();
    }
    return List.of(
        new StrategyDeploymentPermissionsBuilder()
            .withServiceAccountName(sa)
            .withRules(new ArrayList<>(rules))
            .build());
  }

  private static boolean bindsServiceAccount(List<Subject> subjects, String sa) {
    return subjects != null
        && subjects.stream()
            .anyMatch(s -> "ServiceAccount".equals(s.getKind()) && sa.equals(s.getName()));
  }

  private static ClusterRole clusterRole(OperatorManifests manifests, RoleRef ref) {
    return manifests.clusterRoles().stream()
        .filter(r -> r.getMetadata().getName().equals(ref.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "a binding refers to ClusterRole "
                        + ref.getName()
                        + ", which is not in the operator manifests"));
  }

  private static Role role(OperatorManifests manifests, RoleRef ref) {
    return manifests.roles().stream()
        .filter(r -> r.getMetadata().getName().equals(ref.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "a binding refers to Role "
                        + ref.getName()
                        + ", which is not in the operator manifests"));
  }
}
