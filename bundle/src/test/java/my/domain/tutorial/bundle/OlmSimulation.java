package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDeploymentPermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What OLM makes from a CSV for an OperatorGroup, as OLM's operator and OperatorGroup controllers
 * do it (no OLM runs on these machines):
 *
 * <ul>
 *   <li>the ServiceAccount of each permissions entry, in the operator's namespace;
 *   <li>each {@code permissions} entry as a Role and RoleBinding in the operator's namespace,
 *       copied into every other target namespace, or, for AllNamespaces, lifted to a ClusterRole
 *       (plus read access to namespaces) and a ClusterRoleBinding;
 *   <li>each {@code clusterPermissions} entry as a ClusterRole and ClusterRoleBinding;
 *   <li>the Pod's environment: literal values, and the field references resolved against the Pod
 *       OLM would run, which carries the {@code olm.targetNamespaces} annotation.
 * </ul>
 *
 * @param targetNamespaces the OperatorGroup's target namespaces; empty means AllNamespaces
 */
record OlmSimulation(
    ClusterServiceVersion csv, String operatorNamespace, List<String> targetNamespaces) {
  static final String TARGETS_ANNOTATION_FIELD = "metadata.annotations['olm.targetNamespaces']";
  static final String OWNER_LABEL = "olm.owner";

  boolean allNamespaces() {
    return targetNamespaces.isEmpty();
  }

  /** The annotation value OLM writes: targets comma-separated, or empty for AllNamespaces. */
  String targetNamespacesAnnotation() {
    return String.join(",", targetNamespaces);
  }

  /** The install mode this OperatorGroup amounts to, as OLM classifies it. */
  String installMode() {
    if (allNamespaces()) {
      return "AllNamespaces";
    }
    if (targetNamespaces.size() > 1) {
      return "MultiNamespace";
    }
    return targetNamespaces.get(0).equals(operatorNamespace) ? "OwnNamespace" : "SingleNamespace";
  }

  List<HasMetadata> namespacedObjects() {
    List<HasMetadata> objects = new ArrayList<>();
    for (String sa : serviceAccounts()) {
      objects.add(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withName(sa)
              .withNamespace(operatorNamespace)
              .endMetadata()
              .build());
    }
    if (allNamespaces()) {
      return objects;
    }
    Set<String> namespaces = new LinkedHashSet<>(List.of(operatorNamespace));
    namespaces.addAll(targetNamespaces);
    List<StrategyDeploymentPermissions> permissions = strategy().getPermissions();
    for (int i = 0; i < permissions.size(); i++) {
      StrategyDeploymentPermissions p = permissions.get(i);
      for (String ns : namespaces) {
        objects.add(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name(i))
                .withNamespace(ns)
                .addToLabels(OWNER_LABEL, csv.getMetadata().getName())
                .endMetadata()
                .withRules(p.getRules())
                .build());
        objects.add(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name(i))
                .withNamespace(ns)
                .addToLabels(OWNER_LABEL, csv.getMetadata().getName())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", name(i))
                .withSubjects(subject(p.getServiceAccountName()))
                .build());
      }
    }
    return objects;
  }

  List<HasMetadata> clusterObjects() {
    List<HasMetadata> objects = new ArrayList<>();
    List<StrategyDeploymentPermissions> cluster =
        new ArrayList<>(strategy().getClusterPermissions());
    List<StrategyDeploymentPermissions> lifted =
        allNamespaces() ? strategy().getPermissions() : List.of();
    for (int i = 0; i < cluster.size(); i++) {
      objects.addAll(clusterRole("cluster-" + i, cluster.get(i), List.of()));
    }
    for (int i = 0; i < lifted.size(); i++) {
      objects.addAll(
          clusterRole(
              "lifted-" + i,
              lifted.get(i),
              List.of(
                  new PolicyRuleBuilder()
                      .withApiGroups("")
                      .withResources("namespaces")
                      .withVerbs("get", "list", "watch")
                      .build())));
    }
    return objects;
  }

  /** The operator container's environment in the Pod OLM would create. */
  Map<String, String> env(String podName) {
    Map<String, String> env = new LinkedHashMap<>();
    var container =
        strategy().getDeployments().get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
    for (EnvVar e : container.getEnv()) {
      if (e.getValueFrom() == null) {
        env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
        continue;
      }
      String field = e.getValueFrom().getFieldRef().getFieldPath();
      env.put(
          e.getName(),
          switch (field) {
            case "metadata.namespace" -> operatorNamespace;
            case "metadata.name" -> podName;
            case TARGETS_ANNOTATION_FIELD -> targetNamespacesAnnotation();
            default ->
                throw new IllegalArgumentException(
                    "the simulation cannot resolve fieldRef " + field);
          });
    }
    return env;
  }

  String serviceAccount() {
    return strategy()
        .getDeployments()
        .get(0)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getServiceAccountName();
  }

  private List<HasMetadata> clusterRole(
      String suffix, StrategyDeploymentPermissions p, List<PolicyRule> extra) {
    String name = csv.getMetadata().getName() + "-" + operatorNamespace + "-" + suffix;
    List<PolicyRule> rules = new ArrayList<>(p.getRules());
    rules.addAll(extra);
    return List.of(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels(OWNER_LABEL, csv.getMetadata().getName())
            .endMetadata()
            .withRules(rules)
            .build(),
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels(OWNER_LABEL, csv.getMetadata().getName())
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
            .withSubjects(subject(p.getServiceAccountName()))
            .build());
  }

  private Set<String> serviceAccounts() {
    Set<String> names = new LinkedHashSet<>(List.of(serviceAccount()));
    strategy().getPermissions().forEach(p -> names.add(p.getServiceAccountName()));
    strategy().getClusterPermissions().forEach(p -> names.add(p.getServiceAccountName()));
    return names;
  }

  private Subject subject(String sa) {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(sa)
        .withNamespace(operatorNamespace)
        .build();
  }

  private String name(int i) {
    return csv.getMetadata().getName() + "-" + i;
  }

  private io.fabric8.openshift.api.model.operatorhub.v1alpha1.StrategyDetailsDeployment strategy() {
    return csv.getSpec().getInstall().getSpec();
  }
}
