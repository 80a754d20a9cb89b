package my.domain.tutorial.kubectl.friends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.output.Table;

/**
 * The {@code friends} table: each friend (a Pod name) with its Pod's state and the Foos waiting on
 * it.
 */
public final class FriendsTable {
  private FriendsTable() {}

  private static final Comparator<Friend> ORDER =
      Comparator.comparing(Friend::namespace)
          .thenComparing(Friend::name, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * A friend: the Pod name within a namespace. A null name stands for the Foos that name no friend
   * (no spec.name), listed first so they are not overlooked.
   */
  public record Friend(String namespace, String name) implements Comparable<Friend> {
    public boolean named() {
      return name != null;
    }

    @Override
    public int compareTo(Friend o) {
      return ORDER.compare(this, o);
    }
  }

  /** The Foos of each friend, friends sorted by namespace then name, Foos by name. */
  public static Map<Friend, List<String>> group(List<Foo> foos) {
    Map<Friend, List<String>> byFriend = new TreeMap<>();
    for (Foo foo : foos) {
      byFriend
          .computeIfAbsent(
              new Friend(foo.getMetadata().getNamespace(), foo.friendName()),
              f -> new ArrayList<>())
          .add(foo.getMetadata().getName());
    }
    byFriend.values().forEach(names -> names.sort(String::compareTo));
    return byFriend;
  }

  public static String render(
      Map<Friend, List<String>> friends, Map<Friend, String> states, boolean withNamespace) {
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("FRIEND", "POD", "FOOS"));
    List<List<String>> rows = new ArrayList<>();
    friends.forEach(
        (friend, foos) -> {
          List<String> row = new ArrayList<>();
          if (withNamespace) {
            row.add(friend.namespace());
          }
          row.add(friend.name());
          row.add(friend.named() ? states.getOrDefault(friend, "Unknown") : null);
          row.add(String.join(",", foos));
          rows.add(row);
        });
    return Table.render(headers, rows);
  }
}
