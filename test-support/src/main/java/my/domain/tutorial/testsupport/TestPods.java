package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Minimal friend Pods for integration tests (they stay Pending: no kubelet runs). */
public final class TestPods {
  /** The finalizer {@link #held} Pods carry, so a deleted one stays Terminating until released. */
  public static final String HOLD = "test.tutorial.my.domain/hold";

  private TestPods() {}

  public static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("registry.k8s.io/pause:3.10")
        .endContainer()
        .endSpec()
        .build();
  }

  /** A Pod held in Terminating by a finalizer once deleted; {@link #release} lets it go. */
  public static Pod held(String namespace, String name) {
    Pod pod = pod(namespace, name);
    pod.getMetadata().setFinalizers(List.of(HOLD));
    return pod;
  }

  public static void release(KubernetesClient client, String namespace, String name) {
    client
        .pods()
        .inNamespace(namespace)
        .withName(name)
        .edit(
            p -> {
              p.getMetadata().setFinalizers(List.of());
              return p;
            });
  }
}
