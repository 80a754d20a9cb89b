package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

class FriendIndexTest {
  @Test
  void fooIsIndexedUnderItsNamespaceAndFriend() {
    assertThat(FriendIndex.keysOf(Foo.of("team-a", "foo-01", "jack"))).containsExactly("team-a/jack");
  }

  @Test
  void fooWithoutSpec_isNotIndexed() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    foo.setSpec(null);

    assertThat(FriendIndex.keysOf(foo)).isEmpty();
  }

  @Test
  void friendOfFoo_isThePodOfThatNameInTheFoosNamespace() {
    assertThat(FriendIndex.friendOf().toSecondaryResourceIDs(Foo.of("team-a", "foo-01", "jack")))
        .containsExactly(new ResourceID("jack", "team-a"));
  }
}
