package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which API resources live in namespaces. A rule can be granted per namespace (a Role) only if
 * every resource it names is namespaced; anything unknown counts as cluster-scoped, so a new rule
 * is never silently narrowed into a Role that cannot grant it.
 */
public final class ResourceScopes {
  /**
   * Namespaced built-in resources an operator commonly needs, as {@code group/resource} (core
   * group: empty).
   */
  private static final Set<String> BUILT_IN_NAMESPACED =
      Set.of(
          "/pods",
          "/pods/log",
          "/pods/status",
          "/events",
          "/configmaps",
          "/secrets",
          "/services",
          "/endpoints",
          "/serviceaccounts",
          "/persistentvolumeclaims",
          "/replicationcontrollers",
          "/limitranges",
          "/resourcequotas",
          "events.k8s.io/events",
          "coordination.k8s.io/leases",
          "apps/deployments",
          "apps/statefulsets",
          "apps/daemonsets",
          "apps/replicasets",
          "batch/jobs",
          "batch/cronjobs",
          "networking.k8s.io/ingresses",
          "networking.k8s.io/networkpolicies",
          "policy/poddisruptionbudgets",
          "discovery.k8s.io/endpointslices",
          "rbac.authorization.k8s.io/roles",
          "rbac.authorization.k8s.io/rolebindings",
          "autoscaling/horizontalpodautoscalers",
          "monitoring.coreos.com/servicemonitors");

  private final Set<String> namespaced;

  private ResourceScopes(Set<String> namespaced) {
    this.namespaced = Set.copyOf(namespaced);
  }

  /**
   * The built-in table plus the given CRDs' resources (and their subresources) when they are
   * Namespaced.
   */
  public static ResourceScopes with(List<CustomResourceDefinition> crds) {
    Set<String> all = new HashSet<>(BUILT_IN_NAMESPACED);
    for (CustomResourceDefinition crd : crds) {
      if ("Namespaced".equals(crd.getSpec().getScope())) {
        String base = crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getPlural();
        all.add(base);
        all.add(base + "/status");
        all.add(base + "/scale");
        all.add(base + "/finalizers");
      }
    }
    return new ResourceScopes(all);
  }

  /** True when a namespace Role can grant the whole rule. */
  public boolean isNamespaced(PolicyRule rule) {
    if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
      return false;
    }
    if (rule.getResources() == null || rule.getResources().isEmpty()) {
      return false;
    }
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        if (!namespaced.contains(group + "/" + resource)) {
          return false;
        }
      }
    }
    return !rule.getApiGroups().isEmpty();
  }
}
