package my.domain.tutorial.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.controlplane.Poll;

/**
 * What a user watching Foos sees, timestamped on receipt: each Foo's latest verdict, how many
 * verdict transitions arrived, and futures that complete when a Foo reaches a given happiness.
 */
final class FooWatch implements AutoCloseable {
  record Seen(Boolean happy, String reason, long generation, Long observedGeneration) {}

  private final Map<String, Seen> latest = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Long>> waiters = new ConcurrentHashMap<>();
  private final AtomicLong transitions = new AtomicLong();
  private final AtomicLong flips = new AtomicLong();
  private final SharedIndexInformer<Foo> informer;

  FooWatch(KubernetesClient client) {
    informer =
        client
            .resources(Foo.class)
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Foo foo) {
                    seen(foo);
                  }

                  @Override
                  public void onUpdate(Foo old, Foo foo) {
                    seen(foo);
                  }

                  @Override
                  public void onDelete(Foo foo, boolean unknown) {
                    latest.remove(key(foo));
                  }
                },
                0);
  }

  private void seen(Foo foo) {
    long now = System.nanoTime();
    String key = key(foo);
    var status = foo.getStatus();
    Seen seen =
        new Seen(
            status == null ? null : status.getHappy(),
            status == null
                ? null
                : status.condition(FooCondition.HAPPY).map(c -> c.getReason()).orElse(null),
            foo.getMetadata().getGeneration(),
            status == null ? null : status.getObservedGeneration());
    Seen before = latest.put(key, seen);
    if (seen.happy() != null
        && (before == null
            || !Objects.equals(before.happy(), seen.happy())
            || !Objects.equals(before.reason(), seen.reason()))) {
      transitions.incrementAndGet();
      if (before == null || !Objects.equals(before.happy(), seen.happy())) {
        flips.incrementAndGet();
      }
    }
    CompletableFuture<Long> waiter = waiters.get(key + "=" + seen.happy());
    if (waiter != null) {
      waiter.complete(now);
    }
  }

  static String key(Foo foo) {
    return foo.getMetadata().getNamespace() + "/" + foo.getMetadata().getName();
  }

  /**
   * Register before acting: completes with the receipt time (nanoTime) of the first matching event.
   */
  CompletableFuture<Long> next(String namespace, String name, boolean happy) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    String key = namespace + "/" + name + "=" + happy;
    waiters.put(key, future);
    future.whenComplete((t, e) -> waiters.remove(key, future));
    return future;
  }

  /** Changes of happy or of reason, as a watching user saw them (the first verdict counts). */
  long verdictTransitions() {
    return transitions.get();
  }

  /** Changes of happy only (the first verdict counts): what Events are recorded for. */
  long happinessFlips() {
    return flips.get();
  }

  Seen latest(String namespace, String name) {
    return latest.get(namespace + "/" + name);
  }

  /** Waits until one Foo's latest verdict has the given reason. */
  void awaitReason(String namespace, String name, String reason, Duration timeout) {
    if (!Poll.until(
        () -> {
          Seen seen = latest(namespace, name);
          return seen != null && reason.equals(seen.reason());
        },
        timeout,
        Duration.ofMillis(2))) {
      throw new IllegalStateException(
          namespace + "/" + name + " did not reach " + reason + " within " + timeout);
    }
  }

  long count(Predicate<Seen> predicate) {
    return latest.values().stream().filter(predicate).count();
  }

  /** How many Foos whose key ({@code namespace/name}) starts with {@code prefix} match. */
  long count(String prefix, Predicate<Seen> predicate) {
    return latest.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && predicate.test(e.getValue()))
        .count();
  }

  /** Waits until {@code expected} Foos under {@code prefix} match. */
  void awaitCount(String prefix, Predicate<Seen> predicate, long expected, Duration timeout) {
    if (!Poll.until(() -> count(prefix, predicate) >= expected, timeout, Duration.ofMillis(20))) {
      throw new IllegalStateException(
          "only "
              + count(prefix, predicate)
              + " of "
              + expected
              + " Foos under "
              + prefix
              + " reached the state within "
              + timeout);
    }
  }

  /** Waits until {@code expected} Foos match; returns the nanoTime when they did. */
  long awaitCount(Predicate<Seen> predicate, long expected, Duration timeout) {
    if (!Poll.until(() -> count(predicate) >= expected, timeout, Duration.ofMillis(5))) {
      throw new IllegalStateException(
          "only "
              + count(predicate)
              + " of "
              + expected
              + " Foos reached the state within "
              + timeout);
    }
    return System.nanoTime();
  }

  /** Waits until no Foo whose key ({@code namespace/name}) starts with {@code prefix} is left. */
  void awaitGone(String prefix, Duration timeout) {
    if (!Poll.until(
        () -> latest.keySet().stream().noneMatch(k -> k.startsWith(prefix)),
        timeout,
        Duration.ofMillis(10))) {
      throw new IllegalStateException(
          "Foos under " + prefix + " were not deleted within " + timeout);
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
