package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResyncEventSourceTest {
  private static final Duration PERIOD = Duration.ofMillis(50);

  private final Map<ResourceID, Foo> foos =
      Map.of(
          new ResourceID("foo-01", "team-a"), Foo.of("team-a", "foo-01", "jack"),
          new ResourceID("foo-02", "team-b"), Foo.of("team-b", "foo-02", "jill"));
  private final List<ResourceID> queued = new CopyOnWriteArrayList<>();
  private final ResyncEventSource resync = new ResyncEventSource(new MapCache(foos), PERIOD);

  @AfterEach
  void stop() {
    resync.stop();
  }

  @Test
  void eachPeriod_everyCachedFooIsQueuedForAReconcile() {
    resync.setEventHandler(e -> queued.add(e.getRelatedCustomResourceID()));
    resync.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> resync.sweeps() >= 2);

    assertThat(List.copyOf(queued).subList(0, 4))
        .containsExactlyInAnyOrder(
            new ResourceID("foo-01", "team-a"),
            new ResourceID("foo-02", "team-b"),
            new ResourceID("foo-01", "team-a"),
            new ResourceID("foo-02", "team-b"));
  }

  @Test
  void aSweepThatFails_isTriedAgainNextPeriod() {
    int[] calls = {0};
    resync.setEventHandler(
        (Event e) -> {
          if (calls[0]++ == 0) {
            throw new IllegalStateException("the processor is not ready");
          }
          queued.add(e.getRelatedCustomResourceID());
        });
    resync.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> queued.size() >= 2);
  }

  @Test
  void onceStopped_noFooIsQueuedAnyMore() {
    resync.setEventHandler(e -> queued.add(e.getRelatedCustomResourceID()));
    resync.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> resync.sweeps() >= 1);

    resync.stop();
    int sweeps = resync.sweeps();

    await()
        .during(PERIOD.multipliedBy(4))
        .atMost(Duration.ofSeconds(2))
        .until(() -> resync.sweeps() == sweeps);
  }

  @Test
  void aPeriodOfZero_isRefused() {
    assertThatThrownBy(() -> new ResyncEventSource(new MapCache(foos), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  private record MapCache(Map<ResourceID, Foo> foos) implements Cache<Foo> {
    @Override
    public Optional<Foo> get(ResourceID id) {
      return Optional.ofNullable(foos.get(id));
    }

    @Override
    public Stream<ResourceID> keys() {
      return foos.keySet().stream();
    }

    @Override
    public Stream<Foo> list(Predicate<Foo> predicate) {
      return foos.values().stream().filter(predicate);
    }
  }
}
