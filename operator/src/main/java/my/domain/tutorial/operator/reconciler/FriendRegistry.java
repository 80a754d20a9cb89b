package my.domain.tutorial.operator.reconciler;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import my.domain.tutorial.api.v1.Foo;

/**
 * The friend each Foo named when it was last reconciled, kept with atomic updates. The informer
 * cache's index is rebuilt entry by entry on every write to a Foo (its old entry removed, then its
 * new one added) and can be read in between without a lock: a Pod event that lands in that gap,
 * which happens when the Foo's own status write comes back while its friend is being deleted,
 * finds no Foo and the reconcile is lost (seen once in 10,000 deletions in the benchmark). The
 * Pod-to-Foo mapping therefore also asks this registry.
 */
public final class FriendRegistry {
  private final Map<String, Set<ResourceID>> foosByFriend = new ConcurrentHashMap<>();
  private final Map<ResourceID, String> friendOfFoo = new ConcurrentHashMap<>();

  /** Records which friend {@code foo} names now, forgetting the one it named before. */
  public void record(Foo foo) {
    ResourceID id = ResourceID.fromResource(foo);
    String friend = foo.friendName();
    if (friend == null) {
      forget(id);
      return;
    }
    String key = FriendIndex.key(foo.getMetadata().getNamespace(), friend);
    String before = friendOfFoo.put(id, key);
    if (before != null && !before.equals(key)) {
      remove(before, id);
    }
    foosByFriend.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
  }

  public void forget(ResourceID id) {
    String before = friendOfFoo.remove(id);
    if (before != null) {
      remove(before, id);
    }
  }

  public Set<ResourceID> foosNaming(String namespace, String podName) {
    return Set.copyOf(foosByFriend.getOrDefault(FriendIndex.key(namespace, podName), Set.of()));
  }

  int size() {
    return friendOfFoo.size();
  }

  private void remove(String key, ResourceID id) {
    foosByFriend.computeIfPresent(key, (k, ids) -> {
      ids.remove(id);
      return ids.isEmpty() ? null : ids;
    });
  }
}
