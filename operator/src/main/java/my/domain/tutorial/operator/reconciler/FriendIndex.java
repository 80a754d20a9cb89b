package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import my.domain.tutorial.api.v1.Foo;

/**
 * The one owner of the mapping {@code namespace/friendName -> Foos}, and of what is known of each
 * such friend's Pod: a Pod event finds the Foos that name it by one look-up, never by scanning
 * every Foo, and the Pod store ({@link FriendPodStore}) keeps a Pod only while some Foo names it.
 *
 * <p>It holds what each Foo named at its last reconcile (before the first, what the Foo cache held
 * as the Pod informer began to list: {@link #prime}), which is all a Pod event needs: a Foo not yet
 * reconciled under its new friend has a reconcile pending that reads the friend after recording. It
 * is not an index on the informer's cache: fabric8's cache rebuilds an index entry by entry on
 * every write to a Foo and reads it without its lock, so a Pod event arriving as a Foo's own status
 * write came back could find no Foo and the reconcile was lost (once in 10,000 deletions in the
 * benchmark). Here a Foo's entry is replaced under one lock, so a reader sees the old friend or the
 * new one, never neither. The reconciler forgets a Foo when it is deleted, so the map holds live
 * Foos only, and a friend no Foo names any more is dropped with its Pod.
 *
 * <p>A friend's Pod is in one of three states: cached (the informer or a read brought it), absent
 * (the informer saw it go, or a read or the informer's first list found none), or unknown (named
 * since the informer last said anything of it: the Pod events before were dropped, and a read of
 * the API server must tell). The one lock makes "is it named?" and "store it" one step, so a Pod
 * event is either kept or came before the friend was named; and a read's answer is taken only while
 * the friend is still unknown, so it never overwrites what the informer said since.
 */
public final class FriendIndex {
  private final Map<Friend, Entry> friends = new HashMap<>();
  private final Map<ResourceID, Friend> friendOfFoo = new HashMap<>();

  /** The friends named when the Pod informer began its first list, until it is in. */
  private Set<Friend> beforeList = Set.of();

  /**
   * A friend Pod's namespace and name, interned as the Foo cache interns them ({@link FooCache}),
   * so an entry shares its strings with the cached Foo instead of holding copies of its own.
   */
  private record Friend(String namespace, String name) {
    static Friend of(String namespace, String name) {
      return new Friend(FooCache.intern(namespace), FooCache.intern(name));
    }
  }

  /** The marker of a friend known to have no Pod. */
  private static final Object ABSENT = new Object();

  /** A friend: the Foos naming it and what is known of its Pod. */
  private static final class Entry {
    /**
     * Almost every friend is named by one Foo, so its Foos start as an immutable one-element set (a
     * fraction of a {@link HashSet}'s size) and become a {@link HashSet} at the second.
     */
    Set<ResourceID> foos;

    /** A {@link CachedPod}, {@link #ABSENT}, or null: unknown. */
    Object pod;

    Entry(ResourceID foo) {
      foos = Set.of(foo);
    }
  }

  /** What is known of a friend's Pod: whether anything is, and the Pod if it exists. */
  record Known(boolean known, CachedPod pod) {
    static final Known UNKNOWN = new Known(false, null);
    static final Known NONE = new Known(true, null);
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
      Entry entry = friends.get(key);
      if (entry == null) {
        friends.put(key, new Entry(id));
      } else {
        entry.foos = added(entry.foos, id);
      }
    }
  }

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

  /** Forgets every Foo {@code live} does not hold: those deleted while nothing reconciled them. */
  synchronized void retainFoos(Predicate<ResourceID> live) {
    for (ResourceID id : List.copyOf(friendOfFoo.keySet())) {
      if (!live.test(id)) {
        forget(id);
      }
    }
  }

  public synchronized Set<ResourceID> foosNaming(String namespace, String podName) {
    Entry entry = friends.get(new Friend(namespace, podName));
    return entry == null ? Set.of() : Set.copyOf(entry.foos);
  }

  /**
   * How many Foos it holds an entry for: the live Foos that name a friend, once they are
   * reconciled.
   */
  public synchronized int size() {
    return friendOfFoo.size();
  }

  private void remove(Friend key, ResourceID id) {
    Entry entry = friends.get(key);
    if (entry == null || !entry.foos.contains(id)) {
      return;
    }
    if (entry.foos.size() == 1) {
      friends.remove(key);
      if (entry.pod instanceof CachedPod) {
        // The store's own log, so what it keeps can be followed in one place.
        FriendPodStore.log.trace(
            "{}/{}: dropped Pod from the cache (no Foo names it)", key.namespace(), key.name());
      }
    } else {
      entry.foos.remove(id); // more than one: a HashSet
    }
  }

  /**
   * Keeps {@code pod}, which the informer brought, if some Foo names it.
   *
   * @return the Pod kept for that friend before (null if none was), or {@code pod} itself when no
   *     Foo names it and nothing was kept
   */
  synchronized CachedPod podArrived(CachedPod pod) {
    Entry entry = friends.get(new Friend(pod.namespace(), pod.name()));
    if (entry == null) {
      return pod;
    }
    CachedPod before = entry.pod instanceof CachedPod cached ? cached : null;
    entry.pod = pod;
    return before;
  }

  /**
   * The informer saw the Pod go.
   *
   * @return the Pod kept for that friend before, if one was
   */
  synchronized CachedPod podGone(String namespace, String name) {
    Entry entry = friends.get(new Friend(namespace, name));
    if (entry == null) {
      return null;
    }
    CachedPod before = entry.pod instanceof CachedPod cached ? cached : null;
    entry.pod = ABSENT;
    return before;
  }

  /** The Pod kept for that friend, if one is. */
  synchronized CachedPod pod(String namespace, String name) {
    Entry entry = friends.get(new Friend(namespace, name));
    return entry != null && entry.pod instanceof CachedPod cached ? cached : null;
  }

  /** What is known of that friend's Pod. */
  synchronized Known known(String namespace, String name) {
    Entry entry = friends.get(new Friend(namespace, name));
    return entry == null ? Known.UNKNOWN : known(entry);
  }

  /**
   * Takes what a read of the API server found of a friend ({@code pod}, null for none) if nothing
   * is known of it yet: whatever the informer said since it was named is as new or newer.
   *
   * @return what is known of it now
   */
  synchronized Known read(String namespace, String name, CachedPod pod) {
    Entry entry = friends.get(new Friend(namespace, name));
    if (entry == null) {
      return pod == null ? Known.NONE : new Known(true, pod); // no Foo names it any more
    }
    if (entry.pod == null) {
      entry.pod = pod == null ? ABSENT : pod;
    }
    return known(entry);
  }

  /**
   * Records each of {@code foos}, the Foos cached when the Pod informer is about to list: their
   * friends' Pods are then kept as the list brings them, rather than each read once by itself.
   */
  synchronized void prime(Iterable<Foo> foos) {
    foos.forEach(this::record);
    beforeList = new HashSet<>(friends.keySet());
  }

  /**
   * Each friend named when the informer began its first list ({@link #prime}) and still unknown has
   * no Pod: the list held every Pod there was.
   */
  synchronized void listed() {
    for (Friend friend : beforeList) {
      Entry entry = friends.get(friend);
      if (entry != null && entry.pod == null) {
        entry.pod = ABSENT;
      }
    }
    beforeList = Set.of();
  }

  /** How many friends' Pods are cached: {@link #pods()}'s size, without the list. */
  synchronized int podCount() {
    int count = 0;
    for (Entry entry : friends.values()) {
      if (entry.pod instanceof CachedPod) {
        count++;
      }
    }
    return count;
  }

  /** The Pods kept, a copy. */
  synchronized List<CachedPod> pods() {
    List<CachedPod> pods = new ArrayList<>();
    for (Entry entry : friends.values()) {
      if (entry.pod instanceof CachedPod cached) {
        pods.add(cached);
      }
    }
    return pods;
  }

  private static Known known(Entry entry) {
    if (entry.pod == null) {
      return Known.UNKNOWN;
    }
    return entry.pod instanceof CachedPod cached ? new Known(true, cached) : Known.NONE;
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
