package my.domain.tutorial.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;

/** Reads of a Foo and waits for its status, as the integration tests of every module need them. */
public final class FooWaits {
  /** How long a test waits for the operator to act on a change it made. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private FooWaits() {}

  /** The Foo as the API server has it now, or null. */
  public static Foo foo(KubernetesClient client, String namespace, String name) {
    return client.resources(Foo.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the Foo's {@code status.happy} is {@code happy}, and returns it. */
  public static Foo awaitHappy(
      KubernetesClient client, String namespace, String name, boolean happy) {
    return awaitHappy(client, namespace, name, happy, PATIENCE);
  }

  public static Foo awaitHappy(
      KubernetesClient client, String namespace, String name, boolean happy, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }

  /** Waits until the Foo's Happy condition has {@code reason}, and returns it. */
  public static Foo awaitReason(
      KubernetesClient client, String namespace, String name, String reason) {
    return awaitReason(client, namespace, name, reason, PATIENCE);
  }

  public static Foo awaitReason(
      KubernetesClient client, String namespace, String name, String reason, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && f.getStatus()
                        .condition(FooCondition.HAPPY)
                        .map(c -> reason.equals(c.getReason()))
                        .orElse(false));
  }
}
