package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import my.domain.tutorial.api.v1.Foo;

/**
 * The one owner of the mapping {@code namespace/friendName -> Foos}: a Pod event finds the Foos
 * that name it by one look-up, never by scanning every Foo.
 *
 * <p>It holds what each Foo named at its last reconcile, which is all a Pod event needs: a Foo not
 * yet reconciled under its new friend has a reconcile pending that reads the Pod cache after
 * recording. It is not an index on the informer's cache: fabric8's cache rebuilds an index entry by
 * entry on every write to a Foo and reads it without its lock, so a Pod event arriving as a Foo's
 * own status write came back could find no Foo and the reconcile was lost (once in 10,000 deletions
 * in the benchmark). Here a Foo's entry is replaced under one lock, so a reader sees the old friend
 * or the new one, never neither. The reconciler forgets a Foo when it is deleted, so the map holds
 * live Foos only.
 */
public final class FriendIndex {
  private final Map<Friend, Set<ResourceID>> foosByFriend = new HashMap<>();
  private final Map<ResourceID, Friend> friendOfFoo = new HashMap<>();

  /**
   * A friend Pod's namespace and name, interned as the Foo cache interns them ({@link FooCache}),
   * so an entry shares its strings with the cached Foo instead of holding copies of its own.
   */
  private record Friend(String namespace, String name) {
    static Friend of(String namespace, String name) {
      return new Friend(FooCache.intern(namespace), FooCache.intern(name));
    }
  }

  /**
   * Records which friend {@code foo} names now (none when it names none), replacing what it named
   * before.
   */
  public synchronized void record(Foo foo) {
    ResourceID id = FooCache.idOf(foo);
    String friend = foo.friendName();
    Friend key = friend == null ? null : Friend.of(foo.getMetadata().getNamespace(), friend);
    if (key != null && key.equals(friendOfFoo.get(id))) {
      return; // as at its last reconcile: both maps already hold it (and one Friend for it)
    }
    Friend before = key == null ? friendOfFoo.remove(id) : friendOfFoo.put(id, key);
    if (before != null && !before.equals(key)) {
      remove(before, id);
    }
    if (key != null) {
      foosByFriend.merge(key, Set.of(id), (ids, one) -> added(ids, id));
    }
  }

  /**
   * Almost every friend is named by one Foo, so a friend's Foos start as an immutable one-element
   * set (a fraction of a {@link HashSet}'s size) and become a {@link HashSet} at the second.
   */
  private static Set<ResourceID> added(Set<ResourceID> ids, ResourceID id) {
    if (ids.contains(id)) {
      return ids;
    }
    if (ids instanceof HashSet<ResourceID> several) {
      several.add(id);
      return several;
    }
    Set<ResourceID> several = new HashSet<>(ids);
    several.add(id);
    return several;
  }

  /** Forgets a deleted Foo. */
  public synchronized void forget(ResourceID id) {
    Friend before = friendOfFoo.remove(id);
    if (before != null) {
      remove(before, id);
    }
  }

  public synchronized Set<ResourceID> foosNaming(String namespace, String podName) {
    return Set.copyOf(foosByFriend.getOrDefault(new Friend(namespace, podName), Set.of()));
  }

  /**
   * How many Foos it holds an entry for: the live Foos that name a friend, once they are
   * reconciled.
   */
  public synchronized int size() {
    return friendOfFoo.size();
  }

  private void remove(Friend key, ResourceID id) {
    Set<ResourceID> ids = foosByFriend.get(key);
    if (ids == null || !ids.contains(id)) {
      return;
    }
    if (ids.size() == 1) {
      foosByFriend.remove(key);
    } else {
      ids.remove(id); // more than one: a HashSet
    }
  }

  /** The Foos a Pod event concerns. */
  SecondaryToPrimaryMapper<Pod> foosNaming() {
    return pod -> foosNaming(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  static PrimaryToSecondaryMapper<Foo> friendOf() {
    return foo ->
        foo.friendName() == null
            ? Set.of()
            : Set.of(new ResourceID(foo.friendName(), foo.getMetadata().getNamespace()));
  }
}
