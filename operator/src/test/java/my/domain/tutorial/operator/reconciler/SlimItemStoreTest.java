package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.MockCluster;
import org.junit.jupiter.api.Test;

/** The stores behave as fabric8's informer expects of any store: keys, gets, replaces, removes. */
class SlimItemStoreTest {
  private final ItemStore<Pod> pods = PodEvents.store();

  private Pod put(String namespace, String name) {
    Pod pod = MockCluster.pod(namespace, name);
    pod.getMetadata().setResourceVersion("1");
    pods.put(pods.getKey(pod), pod);
    return pod;
  }

  @Test
  void aStoredPod_isFoundUnderTheInformersKey_asItsCachedForm() {
    Pod jack = put("team-a", "jack");

    assertThat(pods.getKey(jack)).isEqualTo("team-a/jack");
    assertThat(pods.get("team-a/jack").getMetadata().getName()).isEqualTo("jack");
    assertThat(pods.get("team-a/jack").getSpec()).isNull();
    assertThat(pods.get("team-b/jack")).isNull();
    assertThat(pods.keySet()).containsExactly("team-a/jack");
    assertThat(pods.size()).isEqualTo(1);
  }

  @Test
  void aStoredPod_isTrimmedInPlaceToItsCachedForm_forTheHandlersThatGetItNext() {
    Pod jack =
        MockCluster.runningPod("team-a", "jack", "0f8fad5b-d9cb-469f-a165-70867728950e", "7");
    jack.getMetadata().setLabels(Map.of("app", "jack"));
    assertThat(jack.getSpec()).isNotNull();

    pods.put(pods.getKey(jack), jack);

    assertThat(jack).isEqualTo(pods.get("team-a/jack"));
    assertThat(jack.getSpec()).isNull();
    assertThat(jack.getStatus()).isNull();
    assertThat(jack.getMetadata().getLabels()).isEmpty();
    assertThat(jack.getMetadata().getUid()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(jack.getMetadata().getResourceVersion()).isEqualTo("7");
  }

  @Test
  void storingAPodAgain_replacesIt_andHandsBackTheOneBefore() {
    put("team-a", "jack");
    Pod newer = MockCluster.pod("team-a", "jack");
    newer.getMetadata().setResourceVersion("2");

    Pod before = pods.put(pods.getKey(newer), newer);

    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(pods.get("team-a/jack").getMetadata().getResourceVersion()).isEqualTo("2");
    assertThat(pods.size()).isEqualTo(1);
  }

  @Test
  void removingAPod_handsItBack_andForgetsIt() {
    put("team-a", "jack");
    put("team-a", "jill");

    Pod removed = pods.remove("team-a/jack");

    assertThat(removed.getMetadata().getName()).isEqualTo("jack");
    assertThat(pods.remove("team-a/jack")).isNull();
    assertThat(pods.keySet()).containsExactly("team-a/jill");
    assertThat(pods.values()).extracting(p -> p.getMetadata().getName()).containsExactly("jill");
  }

  @Test
  void theStores_askTheInformerForWholeObjects() {
    assertThat(pods.isFullState()).isFalse();
    assertThat(FooCache.store().isFullState()).isFalse();
  }

  @Test
  void theFooStore_handsBackAFooEqualToTheOneItKept() {
    ItemStore<Foo> foos = FooCache.store();
    Foo foo = Foo.of("team-a", "foo-01", "jack");

    foos.put(foos.getKey(foo), foo);

    assertThat(foos.get("team-a/foo-01")).isEqualTo(foo).isNotSameAs(foo);
    assertThat(foos.keySet()).containsExactly("team-a/foo-01");
  }
}
