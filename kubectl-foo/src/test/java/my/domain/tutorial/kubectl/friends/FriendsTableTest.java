package my.domain.tutorial.kubectl.friends;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.FriendsTable.Friend;
import org.junit.jupiter.api.Test;

class FriendsTableTest {
  final Map<Friend, List<String>> friends =
      FriendsTable.group(
          List.of(
              Foo.of("team-a", "foo-01", "jack"),
              Foo.of("team-a", "foo-02", "jack"),
              Foo.of("team-a", "foo-03", null)));
  final Map<Friend, Seen> seen =
      Map.of(
          new Friend("team-a", "jack"),
          Seen.of(
              Optional.of(
                  new PodBuilder()
                      .withNewMetadata()
                      .withName("jack")
                      .endMetadata()
                      .withNewSpec()
                      .withNodeName("node-1")
                      .endSpec()
                      .withNewStatus()
                      .withPhase("Running")
                      .withPodIP("10.0.0.7")
                      .endStatus()
                      .build())));

  @Test
  void whenWide_thenThePodsIpAndNodeFollowItsState() {
    assertThat(FriendsTable.render(friends, seen, false, true))
        .isEqualTo(
            "FRIEND   POD       IP         NODE     FOOS\n"
                + "<none>   <none>    <none>     <none>   foo-03\n"
                + "jack     Running   10.0.0.7   node-1   foo-01,foo-02\n");
  }

  @Test
  void whenADocument_thenEachFriendIsAnItemAndTheFoosNamingNoneHaveNoFriendField() {
    FriendsDocument doc = FriendsDocument.of(friends, seen);

    assertThat(doc.items())
        .containsExactly(
            new FriendsDocument.Item("team-a", null, null, null, null, List.of("foo-03")),
            new FriendsDocument.Item(
                "team-a", "jack", "Running", "10.0.0.7", "node-1", List.of("foo-01", "foo-02")));
  }
}
