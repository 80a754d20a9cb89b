package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import my.domain.tutorial.operator.MockCluster;
import org.junit.jupiter.api.Test;

class PodEventsTest {
  private final Pod running =
      new PodBuilder(MockCluster.pod("team-a", "jack"))
          .editMetadata()
          .withUid("u1")
          .withResourceVersion("7")
          .withLabels(Map.of("app", "jack"))
          .withAnnotations(Map.of("note", "x".repeat(1000)))
          .endMetadata()
          .withNewStatus()
          .withPhase("Running")
          .endStatus()
          .build();

  @Test
  void statusOrLabelChurn_doesNotPass() {
    Pod churned =
        new PodBuilder(running)
            .editMetadata()
            .addToLabels("tier", "web")
            .endMetadata()
            .editStatus()
            .withPhase("Failed")
            .endStatus()
            .build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(churned, running)).isFalse();
  }

  @Test
  void theMomentDeletionStarts_passes() {
    Pod terminating =
        new PodBuilder(running)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(terminating, running)).isTrue();
  }

  @Test
  void
      whenFriendPodIsForceDeleted_theDeletionMarkDoesNotPass_becauseTheDeletedEventFollowsAtOnce() {
    Pod forceDeleted =
        new PodBuilder(running)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(forceDeleted, running)).isFalse();
  }

  @Test
  void whenAFinalizerHoldsAForceDeletedPod_theDeletionMarkPasses() {
    Pod heldRunning =
        new PodBuilder(running)
            .editMetadata()
            .withFinalizers("example.com/hold")
            .endMetadata()
            .build();
    Pod heldDeleted =
        new PodBuilder(heldRunning)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(heldDeleted, heldRunning)).isTrue();
  }

  @Test
  void
      whenTheLastFinalizerOfADeletedPodIsRemoved_theUpdateDoesNotPass_becauseTheDeletedEventFollowsAtOnce() {
    Pod heldDeleted =
        new PodBuilder(running)
            .editMetadata()
            .withFinalizers("example.com/hold")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();
    Pod released =
        new PodBuilder(heldDeleted).editMetadata().withFinalizers().endMetadata().build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(released, heldDeleted)).isFalse();
  }
}
