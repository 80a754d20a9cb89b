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
      Map<Friend, List<String>> friends, Map<Friend, Seen> seen, boolean withNamespace) {
    return render(friends, seen, withNamespace, false);
  }

  /** With {@code wide}, IP and NODE of each friend's Pod follow POD ({@code <none>} when unset). */
  public static String render(
      Map<Friend, List<String>> friends,
      Map<Friend, Seen> seen,
      boolean withNamespace,
      boolean wide) {
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("FRIEND", "POD"));
    if (wide) {
      headers.addAll(List.of("IP", "NODE"));
    }
    headers.add("FOOS");
    List<List<String>> rows = new ArrayList<>();
    friends.forEach(
        (friend, foos) -> {
          List<String> row = new ArrayList<>();
          if (withNamespace) {
            row.add(friend.namespace());
          }
          Seen s = friend.named() ? seen.getOrDefault(friend, Seen.state("Unknown")) : null;
          row.add(friend.name());
          row.add(s == null ? null : s.state());
          if (wide) {
            row.add(s == null ? null : s.ip());
            row.add(s == null ? null : s.node());
          }
          row.add(String.join(",", foos));
          rows.add(row);
        });
    return Table.render(headers, rows);
  }
}
