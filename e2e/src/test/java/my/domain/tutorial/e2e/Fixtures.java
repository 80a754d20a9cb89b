package my.domain.tutorial.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import my.domain.tutorial.api.v1.Foo;

/** Small builders and waits the ITs share. */
final class Fixtures {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private Fixtures() {}

  static Foo foo(KubernetesClient client, String namespace, String name) {
    return client.resources(Foo.class).inNamespace(namespace).withName(name).get();
  }

  static Foo awaitHappy(KubernetesClient client, String namespace, String name, boolean happy) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }

  static Foo awaitReason(KubernetesClient client, String namespace, String name, String reason) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && f.getStatus()
                        .condition("Happy")
                        .map(c -> reason.equals(c.getReason()))
                        .orElse(false));
  }
}
