package my.domain.tutorial.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.function.Predicate;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;

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
    return awaitStatus(
        client, namespace, name, atMost, s -> Boolean.valueOf(happy).equals(s.getHappy()));
  }

  /** Waits until the Foo's Happy condition has {@code reason}, and returns it. */
  public static Foo awaitReason(
      KubernetesClient client, String namespace, String name, String reason) {
    return awaitReason(client, namespace, name, reason, PATIENCE);
  }

  public static Foo awaitReason(
      KubernetesClient client, String namespace, String name, String reason, Duration atMost) {
    return awaitStatus(
        client,
        namespace,
        name,
        atMost,
        s -> s.condition(FooCondition.HAPPY).map(c -> reason.equals(c.getReason())).orElse(false));
  }

  private static Foo awaitStatus(
      KubernetesClient client,
      String namespace,
      String name,
      Duration atMost,
      Predicate<FooStatus> until) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> foo(client, namespace, name),
            f -> f != null && f.getStatus() != null && until.test(f.getStatus()));
  }
}
