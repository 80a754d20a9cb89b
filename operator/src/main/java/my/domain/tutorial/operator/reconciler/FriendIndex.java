package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import my.domain.tutorial.api.v1.Foo;

/**
 * The index {@code namespace/friendName -> Foos} on the Foo cache, and the two mappers built on it:
 * a Pod event finds the Foos that name it by one index lookup, never by scanning every Foo.
 */
public final class FriendIndex {
  public static final String NAME = "foo-by-friend";

  private FriendIndex() {
  }

  static String key(String namespace, String podName) {
    return namespace + "/" + podName;
  }

  static List<String> keysOf(Foo foo) {
    String friend = foo.friendName();
    return friend == null ? List.of() : List.of(key(foo.getMetadata().getNamespace(), friend));
  }

  static void register(IndexerResourceCache<Foo> fooCache) {
    fooCache.addIndexer(NAME, FriendIndex::keysOf);
  }

  /**
   * The Foos a Pod event concerns: those the cache's index lists under the Pod's namespace/name,
   * plus those the registry saw naming it (see {@link FriendRegistry} for why both). Registry
   * entries of Foos that are gone from the cache are dropped on the way.
   */
  static SecondaryToPrimaryMapper<Pod> foosNaming(IndexerResourceCache<Foo> fooCache, FriendRegistry registry) {
    return pod -> {
      String namespace = pod.getMetadata().getNamespace();
      String name = pod.getMetadata().getName();
      Set<ResourceID> ids = new HashSet<>();
      fooCache.byIndex(NAME, key(namespace, name)).forEach(foo -> ids.add(ResourceID.fromResource(foo)));
      for (ResourceID id : registry.foosNaming(namespace, name)) {
        if (fooCache.get(id).isPresent()) {
          ids.add(id);
        } else {
          registry.forget(id);
        }
      }
      return ids;
    };
  }

  static PrimaryToSecondaryMapper<Foo> friendOf() {
    return foo -> foo.friendName() == null
        ? Set.of()
        : Set.of(new ResourceID(foo.friendName(), foo.getMetadata().getNamespace()));
  }
}
