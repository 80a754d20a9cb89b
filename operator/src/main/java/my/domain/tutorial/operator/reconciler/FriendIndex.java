package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  static SecondaryToPrimaryMapper<Pod> foosNaming(IndexerResourceCache<Foo> fooCache) {
    return pod -> fooCache.byIndex(NAME, key(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  static PrimaryToSecondaryMapper<Foo> friendOf() {
    return foo -> foo.friendName() == null
        ? Set.of()
        : Set.of(new ResourceID(foo.friendName(), foo.getMetadata().getNamespace()));
  }
}
