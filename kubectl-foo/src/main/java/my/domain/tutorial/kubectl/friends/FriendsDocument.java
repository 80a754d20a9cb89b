package my.domain.tutorial.kubectl.friends;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.kubectl.friends.FriendsTable.Friend;

/**
 * {@code friends -o json|yaml}: the table as a stable document, one item per friend ({@code friend}
 * absent for the Foos that name none).
 */
@JsonPropertyOrder({"items"})
public record FriendsDocument(List<Item> items) {
  /** One friend: where, its Pod's state, IP and node when known, and the Foos waiting on it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"namespace", "friend", "pod", "ip", "node", "foos"})
  public record Item(
      String namespace, String friend, String pod, String ip, String node, List<String> foos) {}

  public FriendsDocument {
    items = List.copyOf(items);
  }

  public static FriendsDocument of(Map<Friend, List<String>> friends, Map<Friend, Seen> seen) {
    List<Item> items = new ArrayList<>();
    friends.forEach(
        (friend, foos) -> {
          Seen s = friend.named() ? seen.getOrDefault(friend, Seen.state("Unknown")) : null;
          items.add(
              new Item(
                  friend.namespace(),
                  friend.name(),
                  s == null ? null : s.state(),
                  s == null ? null : s.ip(),
                  s == null ? null : s.node(),
                  List.copyOf(foos)));
        });
    return new FriendsDocument(items);
  }
}
