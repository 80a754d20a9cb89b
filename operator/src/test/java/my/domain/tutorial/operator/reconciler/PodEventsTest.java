package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import my.domain.tutorial.operator.MockCluster;
import org.junit.jupiter.api.Test;

class PodEventsTest {
  private final Pod running = MockCluster.runningPod("team-a", "jack", "u1", "7");

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
    Pod terminating = MockCluster.terminating(running);

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
    Pod heldDeleted = MockCluster.heldAfterForceDelete(running);
    Pod released =
        new PodBuilder(heldDeleted).editMetadata().withFinalizers().endMetadata().build();

    assertThat(PodEvents.VERDICT_CHANGES.accept(released, heldDeleted)).isFalse();
  }
}
