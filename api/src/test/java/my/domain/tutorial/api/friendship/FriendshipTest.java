package my.domain.tutorial.api.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

class FriendshipTest {
  private final Foo foo = Foo.of("team-a", "foo-01", "jack");

  @Test
  void whenNoPodIsSeen_fooIsUnhappyBecauseFriendNotFound() {
    Verdict verdict = Friendship.verdict(foo, Optional.empty());

    assertThat(verdict.happy()).isFalse();
    assertThat(verdict.reason()).isEqualTo(Reason.FriendNotFound);
    assertThat(verdict.message()).contains("jack").contains("team-a");
  }

  @Test
  void whenFriendPodExistsInSameNamespace_fooIsHappy() {
    Verdict verdict = Friendship.verdict(foo, Optional.of(new FriendPod("team-a", "jack", false)));

    assertThat(verdict.happy()).isTrue();
    assertThat(verdict.reason()).isEqualTo(Reason.FriendFound);
  }

  @Test
  void whenFriendPodIsBeingDeleted_fooIsUnhappyBecauseFriendTerminating() {
    Verdict verdict = Friendship.verdict(foo, Optional.of(new FriendPod("team-a", "jack", true)));

    assertThat(verdict.happy()).isFalse();
    assertThat(verdict.reason()).isEqualTo(Reason.FriendTerminating);
  }

  @Test
  void whenSameNamedPodLivesInAnotherNamespace_itDoesNotCount() {
    Verdict verdict = Friendship.verdict(foo, Optional.of(new FriendPod("team-b", "jack", false)));

    assertThat(verdict.happy()).isFalse();
    assertThat(verdict.reason()).isEqualTo(Reason.FriendNotFound);
  }

  @Test
  void whenPodWithAnotherNameIsSeen_itDoesNotCount() {
    Verdict verdict = Friendship.verdict(foo, Optional.of(new FriendPod("team-a", "jill", false)));

    assertThat(verdict.happy()).isFalse();
  }

  @Test
  void whenFooHasNoSpec_fooIsUnhappyBecauseNoFriendNamed_andTheMessageSaysWhatIsMissing() {
    Foo noSpec = Foo.of("team-a", "foo-01", "jack");
    noSpec.setSpec(null);

    Verdict verdict =
        Friendship.verdict(noSpec, Optional.of(new FriendPod("team-a", "jack", false)));

    assertThat(verdict.happy()).isFalse();
    assertThat(verdict.reason()).isEqualTo(Reason.NoFriendNamed);
    assertThat(verdict.message()).contains("spec.name").doesNotContain("null");
  }

  @Test
  void whenFooHasASpecWithoutName_fooIsUnhappyBecauseNoFriendNamed() {
    Foo noName = Foo.of("team-a", "foo-01", null);

    Verdict verdict = Friendship.verdict(noName, Optional.empty());

    assertThat(verdict.reason()).isEqualTo(Reason.NoFriendNamed);
    assertThat(verdict.message()).doesNotContain("null");
  }

  @Test
  void whenFriendPodsDeletionIsAlreadyComplete_itIsNotSeen_soTheVerdictIsFriendNotFound() {
    Pod forceDeleted =
        new PodBuilder()
            .withNewMetadata()
            .withName("jack")
            .withNamespace("team-a")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .endMetadata()
            .build();

    assertThat(FriendPod.of(forceDeleted)).isEmpty();
    assertThat(Friendship.verdict(foo, FriendPod.of(forceDeleted)).reason())
        .isEqualTo(Reason.FriendNotFound);
  }

  @Test
  void whenFriendPodIsDeletedGracefullyOrHeldByAFinalizer_itIsTerminating() {
    Pod graceful =
        new PodBuilder()
            .withNewMetadata()
            .withName("jack")
            .withNamespace("team-a")
            .withDeletionTimestamp("2026-01-01T00:00:30Z")
            .withDeletionGracePeriodSeconds(30L)
            .endMetadata()
            .build();
    Pod held =
        new PodBuilder()
            .withNewMetadata()
            .withName("jack")
            .withNamespace("team-a")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(0L)
            .withFinalizers("example.com/hold")
            .endMetadata()
            .build();

    assertThat(Friendship.verdict(foo, FriendPod.of(graceful)).reason())
        .isEqualTo(Reason.FriendTerminating);
    assertThat(Friendship.verdict(foo, FriendPod.of(held)).reason())
        .isEqualTo(Reason.FriendTerminating);
  }
}
