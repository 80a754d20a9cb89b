package my.domain.tutorial.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;

/** Small builders and waits the ITs share. */
final class Fixtures {
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String HOLD = "test.tutorial.my.domain/hold";

  private Fixtures() {
  }

  static Pod pod(String namespace, String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("registry.k8s.io/pause:3.10").endContainer()
        .endSpec().build();
  }

  /** A Pod held in Terminating by a finalizer once deleted (no kubelet runs to finish deletion anyway). */
  static Pod heldPod(String namespace, String name) {
    Pod pod = pod(namespace, name);
    pod.getMetadata().setFinalizers(List.of(HOLD));
    return pod;
  }

  static void release(KubernetesClient client, String namespace, String name) {
    client.pods().inNamespace(namespace).withName(name).edit(p -> {
      p.getMetadata().setFinalizers(List.of());
      return p;
    });
  }

  static Foo foo(KubernetesClient client, String namespace, String name) {
    return client.resources(Foo.class).inNamespace(namespace).withName(name).get();
  }

  static Foo awaitHappy(KubernetesClient client, String namespace, String name, boolean happy) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
        .until(() -> foo(client, namespace, name),
            f -> f != null && f.getStatus() != null && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }

  static Foo awaitReason(KubernetesClient client, String namespace, String name, String reason) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
        .until(() -> foo(client, namespace, name), f -> f != null && f.getStatus() != null
            && f.getStatus().condition("Happy").map(c -> reason.equals(c.getReason())).orElse(false));
  }
}
