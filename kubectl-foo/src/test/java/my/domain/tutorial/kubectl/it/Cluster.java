package my.domain.tutorial.kubectl.it;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import my.domain.tutorial.testsupport.ServiceAccountTokens;
import my.domain.tutorial.testsupport.TestPods;

/** Objects the ITs put on the cluster as the admin. */
final class Cluster {
  private Cluster() {}

  /** A Pod a finalizer keeps in Terminating once deleted; {@link TestPods#release} lets it go. */
  static void terminatingPod(KubernetesClient admin, String namespace, String name) {
    admin.resource(TestPods.held(namespace, name)).create();
    admin.pods().inNamespace(namespace).withName(name).delete();
  }

  /**
   * A ServiceAccount token for an identity that may only do {@code verbs} on {@code resources}
   * (core and tutorial.my.domain) in {@code namespace}; no rules at all when {@code resources} is
   * empty.
   */
  static String tokenFor(
      KubernetesClient admin,
      String namespace,
      String name,
      List<String> resources,
      List<String> verbs) {
    return tokenFor(
        admin,
        namespace,
        name,
        resources.isEmpty()
            ? List.of()
            : List.of(
                new PolicyRuleBuilder()
                    .withApiGroups("", "tutorial.my.domain")
                    .withResources(resources)
                    .withVerbs(verbs)
                    .build()));
  }

  /**
   * A ServiceAccount token for an identity that may only do what {@code rules} allow in {@code
   * namespace}; nothing at all when there are none.
   */
  static String tokenFor(
      KubernetesClient admin, String namespace, String name, List<PolicyRule> rules) {
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .create();
    if (!rules.isEmpty()) {
      admin
          .resource(
              new RoleBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withRules(rules)
                  .build())
          .create();
      admin
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName(name)
                  .withNamespace(namespace)
                  .endSubject()
                  .build())
          .create();
    }
    return ServiceAccountTokens.mint(admin, namespace, name);
  }

  /**
   * Lets ServiceAccount {@code name} of {@code namespace} get and list {@code resource} of {@code
   * apiGroup} there (only there), for example Leases, as a tenant of an OwnNamespace install may.
   */
  static void reader(
      KubernetesClient admin, String namespace, String name, String apiGroup, String resource) {
    String role = name + "-" + resource;
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(role)
                .withNamespace(namespace)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups(apiGroup)
                        .withResources(resource)
                        .withVerbs("get", "list")
                        .build())
                .build())
        .create();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(role)
                .withNamespace(namespace)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", role)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(namespace)
                .endSubject()
                .build())
        .create();
  }
}
