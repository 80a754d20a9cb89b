package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.friendship.FriendPod;
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

  @Test
  void slimPod_keepsWhatTellsAForceDeleteFromAHeldOne() {
    Pod held =
        new PodBuilder(running)
            .editMetadata()
            .withFinalizers("example.com/hold")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();

    Pod slim = PodEvents.SLIM.apply(held);

    assertThat(slim.getMetadata().getDeletionGracePeriodSeconds()).isZero();
    assertThat(slim.getMetadata().getFinalizers()).containsExactly("example.com/hold");
  }

  @Test
  void slimPod_keepsOnlyIdentityAndDeletionMark() {
    Pod terminating =
        new PodBuilder(running)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .build();

    Pod slim = PodEvents.SLIM.apply(terminating);

    assertThat(slim.getMetadata().getName()).isEqualTo("jack");
    assertThat(slim.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(slim.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(slim.getMetadata().getDeletionTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(slim.getMetadata().getLabels()).isEmpty();
    assertThat(slim.getMetadata().getAnnotations()).isEmpty();
    assertThat(slim.getSpec()).isNull();
    assertThat(slim.getStatus()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void slimPod_holdsOnlyIdentityAndDeletionMark_asTheApiServerWouldSerializeIt() {
    Pod held =
        new PodBuilder(running)
            .editMetadata()
            .withFinalizers("example.com/hold")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(30L)
            .addNewOwnerReference()
            .withName("rs")
            .endOwnerReference()
            .endMetadata()
            .build();

    Map<String, Object> json =
        Serialization.unmarshal(Serialization.asJson(PodEvents.SLIM.apply(held)), Map.class);

    assertThat(json).containsOnlyKeys("apiVersion", "kind", "metadata");
    assertThat(json).containsEntry("apiVersion", "v1").containsEntry("kind", "Pod");
    assertThat((Map<String, Object>) json.get("metadata"))
        .containsOnly(
            Map.entry("name", "jack"),
            Map.entry("namespace", "team-a"),
            Map.entry("uid", "u1"),
            Map.entry("resourceVersion", "7"),
            Map.entry("deletionTimestamp", "2026-01-01T00:00:00Z"),
            Map.entry("deletionGracePeriodSeconds", 30),
            Map.entry("finalizers", List.of("example.com/hold")));
  }

  @Test
  void slimPods_ofOneNamespace_shareTheNamespaceString_andVerdictsAreUnchanged() {
    Pod other = new PodBuilder(running).editMetadata().withName("jill").endMetadata().build();
    other.getMetadata().setNamespace(new String("team-a".toCharArray()));

    Pod a = PodEvents.SLIM.apply(running);
    Pod b = PodEvents.SLIM.apply(other);

    assertThat(a.getMetadata().getNamespace()).isSameAs(b.getMetadata().getNamespace());
    assertThat(FriendPod.of(a)).isEqualTo(FriendPod.of(running));
  }
}
