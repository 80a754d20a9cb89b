package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.controlplane.ControlPlane;

/**
 * The Ready Pod of a Deployment OLM made, and what a process needs to run as that Pod would: its
 * container's environment (field references resolved against the Pod) and a token of its
 * ServiceAccount bound to the Pod, so that the API server authorizes it with exactly the RBAC OLM
 * generated.
 */
public record OperatorPod(Pod pod, Map<String, String> env) {

  /**
   * The Deployment's Pod that is Ready and of its current revision (after an upgrade the old
   * ReplicaSet's Pod may still be terminating); empty while there is none.
   */
  public static Optional<OperatorPod> ready(KubernetesClient admin, String namespace, String name) {
    Deployment deployment = admin.apps().deployments().inNamespace(namespace).withName(name).get();
    if (deployment == null || deployment.getMetadata().getAnnotations() == null) {
      return Optional.empty();
    }
    String hash = currentTemplateHash(admin, deployment);
    return admin
        .pods()
        .inNamespace(namespace)
        .withLabelSelector(deployment.getSpec().getSelector())
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(OperatorPod::isReady)
        .filter(p -> hash.equals(p.getMetadata().getLabels().get("pod-template-hash")))
        .findFirst()
        .map(
            p ->
                new OperatorPod(
                    p, PodEnvironment.of(p, p.getSpec().getContainers().get(0).getName())));
  }

  /** A client configuration that authenticates as the Pod's ServiceAccount. */
  public Config config(ControlPlane cp) {
    Config config = cp.adminConfig();
    config.setOauthToken(token(cp.adminClient()));
    config.setNamespace(pod.getMetadata().getNamespace());
    return config;
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The pod-template-hash of the ReplicaSet that holds the Deployment's current revision. */
  private static String currentTemplateHash(KubernetesClient admin, Deployment deployment) {
    String revision =
        deployment.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision");
    return admin
        .apps()
        .replicaSets()
        .inNamespace(deployment.getMetadata().getNamespace())
        .withLabelSelector(deployment.getSpec().getSelector())
        .list()
        .getItems()
        .stream()
        .filter(
            rs ->
                revision != null
                    && rs.getMetadata().getAnnotations() != null
                    && revision.equals(
                        rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
        .map(rs -> rs.getMetadata().getLabels().getOrDefault("pod-template-hash", ""))
        .findFirst()
        .orElse("none");
  }

  /** A token of the Pod's ServiceAccount bound to the Pod, as the kubelet would project it. */
  private String token(KubernetesClient admin) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(3600L)
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    return admin
        .serviceAccounts()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getSpec().getServiceAccountName())
        .tokenRequest(request)
        .getStatus()
        .getToken();
  }
}
