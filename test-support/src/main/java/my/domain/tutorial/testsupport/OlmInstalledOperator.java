package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.runtime.OperatorSettings;

/**
 * The operator run in this JVM the way the Pod OLM made would run it: with that Pod's environment
 * (its field references resolved against the Pod kwok runs) and a token of the Pod's
 * ServiceAccount, bound to the Pod, so that the API server authorizes it with exactly the RBAC OLM
 * generated. Only the probe and metrics ports are moved to free ones: in one JVM the Pod's fixed
 * ports would collide.
 */
public final class OlmInstalledOperator implements AutoCloseable {
  private final Pod pod;
  private final KubernetesClient client;
  private final FooOperator operator;

  private OlmInstalledOperator(Pod pod, KubernetesClient client, FooOperator operator) {
    this.pod = pod;
    this.client = client;
    this.operator = operator;
  }

  /**
   * Starts the operator as the Ready Pod of {@code namespace/deployment} runs it; {@code
   * interceptor} sees every request and answer (e.g. to record 403s).
   */
  public static OlmInstalledOperator start(
      ControlPlane cp, String namespace, String deployment, Interceptor interceptor) {
    KubernetesClient admin = cp.adminClient();
    Pod pod =
        readyPod(admin, namespace, deployment)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Ready Pod of Deployment " + namespace + "/" + deployment));
    Map<String, String> env =
        new HashMap<>(PodEnvironment.of(pod, pod.getSpec().getContainers().get(0).getName()));
    env.put(OperatorSettings.HEALTH_PORT, "0");
    env.put(OperatorSettings.METRICS_PORT, "0");

    Config config = cp.adminConfig();
    config.setOauthToken(token(admin, pod));
    config.setNamespace(namespace);
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("observer", interceptor))
            .build();
    try {
      FooOperator operator =
          FooOperator.start(
              OperatorSettings.fromEnvironment(env), client, Clock.systemUTC(), () -> {});
      return new OlmInstalledOperator(pod, client, operator);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * The Deployment's Pod that is Ready and of its current template (after an upgrade the old
   * ReplicaSet's Pod may still be terminating).
   */
  public static Optional<Pod> readyPod(KubernetesClient admin, String namespace, String name) {
    Deployment deployment = admin.apps().deployments().inNamespace(namespace).withName(name).get();
    if (deployment == null
        || deployment.getStatus() == null
        || deployment.getStatus().getUpdatedReplicas() == null
        || !deployment
            .getStatus()
            .getUpdatedReplicas()
            .equals(deployment.getStatus().getReplicas())) {
      return Optional.empty();
    }
    return admin
        .pods()
        .inNamespace(namespace)
        .withLabelSelector(deployment.getSpec().getSelector())
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(OlmInstalledOperator::ready)
        .filter(p -> template(p).equals(currentTemplateHash(admin, deployment)))
        .findFirst();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String template(Pod pod) {
    return pod.getMetadata().getLabels().getOrDefault("pod-template-hash", "");
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
                    && revision.equals(
                        rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
        .map(rs -> rs.getMetadata().getLabels().getOrDefault("pod-template-hash", ""))
        .findFirst()
        .orElse("none");
  }

  /** A token of the Pod's ServiceAccount bound to the Pod, as the kubelet would project it. */
  private static String token(KubernetesClient admin, Pod pod) {
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

  public Pod pod() {
    return pod;
  }

  public FooOperator operator() {
    return operator;
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      client.close();
    }
  }
}
