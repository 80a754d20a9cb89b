package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeapWatchTest {
  @Test
  void whenTheOldGenerationStaysFullerThanTheShareAfterAGc_aWarningNamesTheCachesAndTheLimit() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    // A share so small that the live data of this test JVM is above it after any collection.
    try (HeapWatch watch =
        HeapWatch.start(1e-6, () -> "3 Foos and 5 Pods", warnings::add).orElseThrow()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                System.gc();
                return !warnings.isEmpty();
              });
    }

    assertThat(warnings.get(0))
        .contains("heap nearly full")
        .contains("with 3 Foos and 5 Pods cached")
        .contains("resources.limits.memory");
  }

  @Test
  void belowTheShare_noWarning() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (HeapWatch watch = HeapWatch.start(0.99, () -> "", warnings::add).orElseThrow()) {
      System.gc();
    }

    assertThat(warnings).isEmpty();
  }

  @Test
  void theWarningSaysHowFullAndWhatToRaise() {
    String message =
        HeapWatch.message(
            "Tenured Gen", new MemoryUsage(0, 150 << 20, 160 << 20, 162 << 20), 0.75, "x");

    assertThat(message)
        .startsWith("heap nearly full: Tenured Gen holds 150 of 162 MiB (93%, warning above 75%)")
        .contains("the Deployment's resources.limits.memory");
  }

  @Test
  void withoutAThreshold_theHeapIsJudgedOncePerNewFullCollection_andWarnsOncePerCrossing() {
    HeapWatch.AfterFullCollection check = new HeapWatch.AfterFullCollection(0.75);
    MemoryUsage full = new MemoryUsage(0, 90 << 20, 100 << 20, 100 << 20);
    MemoryUsage roomy = new MemoryUsage(0, 40 << 20, 100 << 20, 100 << 20);

    assertThat(check.crossed(0, full))
        .as("no full collection yet: garbage may be counted")
        .isEmpty();
    assertThat(check.crossed(1, full)).as("first full collection above 75%").contains(full);
    assertThat(check.crossed(1, full)).as("the same collection again").isEmpty();
    assertThat(check.crossed(2, full)).as("still above: already warned").isEmpty();
    assertThat(check.crossed(3, roomy)).as("back below").isEmpty();
    assertThat(check.crossed(4, full)).as("crossed again").contains(full);
  }

  @Test
  void theCollectorOfTheWholeHeapIsFound() {
    // Serial's on this JVM (the tests run with the default GC, whose old collector also matches).
    assertThat(HeapWatch.fullCollector()).isPresent();
  }
}
