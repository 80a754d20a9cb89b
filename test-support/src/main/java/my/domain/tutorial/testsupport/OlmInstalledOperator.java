package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.olm.OperatorPod;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.runtime.OperatorSettings;

/**
 * The operator run in this JVM the way the Pod OLM made would run it ({@link OperatorPod}: that
 * Pod's environment and a token of its ServiceAccount). Only the probe and metrics ports are moved
 * to free ones: in one JVM the Pod's fixed ports would collide.
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
    OperatorPod pod =
        OperatorPod.ready(cp.adminClient(), namespace, deployment)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Ready Pod of Deployment " + namespace + "/" + deployment));
    Map<String, String> env = new HashMap<>(pod.env());
    env.put(OperatorSettings.HEALTH_PORT, "0");
    env.put(OperatorSettings.METRICS_PORT, "0");
    // The OLM tests read /metrics without a token; secure metrics are SecureMetricsIT's.
    env.put(OperatorSettings.METRICS_SECURE, "false");
    KubernetesClient client =
        FooOperator.clientBuilder(b -> b.addOrReplaceInterceptor("observer", interceptor))
            .withConfig(pod.config(cp))
            .build();
    try {
      FooOperator operator =
          FooOperator.start(
              OperatorSettings.fromEnvironment(env), client, Clock.systemUTC(), () -> {});
      return new OlmInstalledOperator(pod.pod(), client, operator);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  public Pod pod() {
    return pod;
  }

  public FooOperator operator() {
    return operator;
  }

  /** Whether it says on {@code /metrics} (plain HTTP here) that it leads. */
  public boolean leads() {
    return OperatorEndpoints.leads(operator, false, Optional.empty());
  }

  /** GET on one of its endpoints ({@code /metrics} over plain HTTP here). */
  public OperatorEndpoints.Probe probe(String path) {
    return OperatorEndpoints.probe(operator, false, path);
  }

  /** The sum of a metric's samples (all label sets); a failed scrape or missing series throws. */
  public double metric(String name) {
    return OperatorEndpoints.metric(operator, name);
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
