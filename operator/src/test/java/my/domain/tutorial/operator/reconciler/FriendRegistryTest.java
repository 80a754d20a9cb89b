package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import org.junit.jupiter.api.Test;

class FriendRegistryTest {
  private final FriendRegistry registry = new FriendRegistry();

  @Test
  void aRecordedFoo_isFoundUnderItsFriend_inItsNamespaceOnly() {
    registry.record(Foo.of("team-a", "foo-01", "jack"));

    assertThat(registry.foosNaming("team-a", "jack")).containsExactly(new ResourceID("foo-01", "team-a"));
    assertThat(registry.foosNaming("team-b", "jack")).isEmpty();
  }

  @Test
  void whenAFooNamesAnotherFriend_itLeavesTheOldOne() {
    registry.record(Foo.of("team-a", "foo-01", "jack"));
    registry.record(Foo.of("team-a", "foo-01", "jill"));

    assertThat(registry.foosNaming("team-a", "jack")).isEmpty();
    assertThat(registry.foosNaming("team-a", "jill")).containsExactly(new ResourceID("foo-01", "team-a"));
    assertThat(registry.size()).isEqualTo(1);
  }

  @Test
  void whenTheCacheIndexMissesAFooMidUpdate_thePodStillMapsToIt_andGoneFoosAreForgotten() {
    Foo foo = Foo.of("team-a", "foo-01", "jack");
    registry.record(foo);
    registry.record(Foo.of("team-a", "deleted", "jack"));
    Pod jack = new PodBuilder().withNewMetadata().withName("jack").withNamespace("team-a").endMetadata().build();
    // The index is caught between removing and re-adding foo-01; "deleted" is no longer cached at all.
    IndexerResourceCache<Foo> cache = cache(Map.of(), Map.of(ResourceID.fromResource(foo), foo));

    var ids = FriendIndex.foosNaming(cache, registry).toPrimaryResourceIDs(jack);

    assertThat(ids).containsExactly(new ResourceID("foo-01", "team-a"));
    assertThat(registry.size()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static IndexerResourceCache<Foo> cache(Map<String, List<Foo>> index, Map<ResourceID, Foo> byId) {
    return (IndexerResourceCache<Foo>) Proxy.newProxyInstance(FriendRegistryTest.class.getClassLoader(),
        new Class<?>[] {IndexerResourceCache.class}, (proxy, method, args) -> switch (method.getName()) {
          case "byIndex" -> index.getOrDefault((String) args[1], List.of());
          case "get" -> Optional.ofNullable(byId.get((ResourceID) args[0]));
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
