package my.domain.tutorial.bench;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Builds realistic Pods and creates or deletes many objects in parallel. */
final class Workload {
  static final int CLIENT_THREADS = 8;

  private Workload() {}

  /**
   * A Pod of realistic size: three containers with env, resources, probes, ports, labels,
   * annotations.
   */
  static Pod pod(String namespace, String name) {
    Map<String, String> labels =
        Map.of(
            "app.kubernetes.io/name",
            "shop",
            "app.kubernetes.io/component",
            "web",
            "app.kubernetes.io/part-of",
            "storefront",
            "pod-template-hash",
            "5d9f8c7b6d",
            "tier",
            "frontend");
    String lastApplied =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"spec\":{\"containers\":["
            + "{\"name\":\"web\",\"image\":\"registry.example.com/shop/web:1.42.0\"},".repeat(6)
            + "{}]}}";
    List<EnvVar> env =
        IntStream.range(0, 8)
            .mapToObj(i -> new EnvVar("SETTING_" + i, "value-of-setting-number-" + i, null))
            .toList();
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .withAnnotations(
            Map.of(
                "kubectl.kubernetes.io/last-applied-configuration",
                lastApplied,
                "prometheus.io/scrape",
                "true",
                "prometheus.io/port",
                "9090",
                "sidecar.istio.io/status",
                "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"]}"))
        .endMetadata()
        .withNewSpec()
        .withContainers(
            container("web", "registry.example.com/shop/web:1.42.0", env, 8080),
            container("istio-proxy", "registry.example.com/istio/proxyv2:1.22.1", env, 15090),
            container(
                "log-shipper", "registry.example.com/observability/fluent-bit:3.0.4", env, 2020))
        .addNewVolume()
        .withName("config")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Container container(
      String name, String image, List<EnvVar> env, int port) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(image)
        .withEnv(env)
        .addNewPort()
        .withContainerPort(port)
        .withName("p" + port)
        .endPort()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
        .withLimits(Map.of("memory", new Quantity("256Mi")))
        .endResources()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/ready")
        .withNewPort(port)
        .endHttpGet()
        .endReadinessProbe()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/" + name)
        .endVolumeMount()
        .build();
  }

  /**
   * Runs {@code action} for 0..n-1 on {@link #CLIENT_THREADS} threads; returns when all are done.
   */
  static void parallel(int n, IntConsumer action) {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> futures =
          IntStream.range(0, n)
              .<Future<?>>mapToObj(i -> pool.submit(() -> action.accept(i)))
              .toList();
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static void deletePods(KubernetesClient client, List<String> namespaces) {
    namespaces.forEach(ns -> client.pods().inNamespace(ns).withGracePeriod(0).delete());
  }
}
