package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

class FriendIndexTest {
  private final FriendIndex index = new FriendIndex();

  @Test
  void aRecordedFoo_isFoundUnderItsFriend_inItsNamespaceOnly() {
    index.record(Foo.of("team-a", "foo-01", "jack"));

    assertThat(index.foosNaming("team-a", "jack"))
        .containsExactly(new ResourceID("foo-01", "team-a"));
    assertThat(index.foosNaming("team-b", "jack")).isEmpty();
    assertThat(
            index
                .foosNaming()
                .toPrimaryResourceIDs(
                    new PodBuilder()
                        .withNewMetadata()
                        .withName("jack")
                        .withNamespace("team-a")
                        .endMetadata()
                        .build()))
        .containsExactly(new ResourceID("foo-01", "team-a"));
  }

  @Test
  void foosSharingAFriend_areAllFound_untilEachLeavesIt() {
    index.record(Foo.of("team-a", "foo-01", "jack"));
    index.record(Foo.of("team-a", "foo-02", "jack"));
    index.record(Foo.of("team-a", "foo-03", "jack"));
    index.record(Foo.of("team-a", "foo-02", "jack"));

    assertThat(index.foosNaming("team-a", "jack"))
        .containsExactlyInAnyOrder(
            new ResourceID("foo-01", "team-a"),
            new ResourceID("foo-02", "team-a"),
            new ResourceID("foo-03", "team-a"));

    index.forget(new ResourceID("foo-01", "team-a"));
    index.record(Foo.of("team-a", "foo-02", "jill"));
    assertThat(index.foosNaming("team-a", "jack"))
        .containsExactly(new ResourceID("foo-03", "team-a"));

    index.forget(new ResourceID("foo-03", "team-a"));
    assertThat(index.foosNaming("team-a", "jack")).isEmpty();
    index.record(Foo.of("team-a", "foo-04", "jack"));
    assertThat(index.foosNaming("team-a", "jack"))
        .containsExactly(new ResourceID("foo-04", "team-a"));
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void whenAFooNamesAnotherFriend_itLeavesTheOldOne() {
    index.record(Foo.of("team-a", "foo-01", "jack"));
    index.record(Foo.of("team-a", "foo-01", "jill"));

    assertThat(index.foosNaming("team-a", "jack")).isEmpty();
    assertThat(index.foosNaming("team-a", "jill"))
        .containsExactly(new ResourceID("foo-01", "team-a"));
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aFooWithoutSpec_isNotIndexed_andLeavesTheFriendItNamedBefore() {
    index.record(Foo.of("team-a", "foo-01", "jack"));
    Foo noSpec = Foo.of("team-a", "foo-01", "jack");
    noSpec.setSpec(null);

    index.record(noSpec);

    assertThat(index.foosNaming("team-a", "jack")).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void overCreateAndDeleteCycles_itHoldsNothingForDeletedFoos() {
    for (int i = 0; i < 1000; i++) {
      Foo foo = Foo.of("team-a", "foo-" + i, "pod-" + (i % 7));
      index.record(foo);
      index.record(foo);
      index.forget(ResourceID.fromResource(foo));
    }

    assertThat(index.size()).isZero();
    for (int p = 0; p < 7; p++) {
      assertThat(index.foosNaming("team-a", "pod-" + p)).isEmpty();
    }
  }

  /**
   * The race that once lost a reconcile: a Foo re-recorded (its own status write coming back) while
   * its friend's Pod event looks it up. The look-up must never find nobody.
   */
  @Test
  void whileAFooIsReRecorded_aLookUpOfItsFriendAlwaysFindsIt() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    index.record(foo);
    AtomicBoolean done = new AtomicBoolean();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 200_000; i++) {
                index.record(Foo.of("team-a", "foo-01", "jack"));
              }
              done.set(true);
            });

    long lookUps = 0;
    while (!done.get()) {
      assertThat(index.foosNaming("team-a", "jack"))
          .containsExactly(new ResourceID("foo-01", "team-a"));
      lookUps++;
    }
    writer.join();
    assertThat(lookUps).isPositive();
  }

  @Test
  void friendOfFoo_isThePodOfThatNameInTheFoosNamespace() {
    assertThat(FriendIndex.friendOf().toSecondaryResourceIDs(Foo.of("team-a", "foo-01", "jack")))
        .containsExactly(new ResourceID("jack", "team-a"));
  }

  @Test
  void fooWithoutSpec_hasNoFriend() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    foo.setSpec(null);

    assertThat(FriendIndex.friendOf().toSecondaryResourceIDs(foo)).isEmpty();
  }
}
