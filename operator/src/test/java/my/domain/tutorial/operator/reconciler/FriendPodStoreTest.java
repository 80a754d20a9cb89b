package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.fabric8.kubernetes.client.informers.impl.cache.ProcessorStore;
import io.fabric8.kubernetes.client.informers.impl.cache.SharedProcessor;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.MockCluster;
import org.junit.jupiter.api.Test;

/**
 * The Pod store keeps friends only: what fabric8's informer expects of a store for the Pods it
 * keeps, nothing of the others, and a friend whose events went by before it was named is read once
 * from the API server, never overwriting what the informer said since.
 */
class FriendPodStoreTest {
  private final FriendIndex friends = new FriendIndex();

  /** The API server as the store reads it: the Pods in {@link #apiServer}, each read counted. */
  private final Map<String, Pod> apiServer = new HashMap<>();

  private final List<String> reads = new ArrayList<>();
  private BiFunction<String, String, Pod> read =
      (namespace, name) -> {
        reads.add(namespace + "/" + name);
        return apiServer.get(namespace + "/" + name);
      };
  private final FriendPodStore pods = new FriendPodStore(friends, (n, p) -> read.apply(n, p));

  private static Pod pod(String namespace, String name, String version) {
    Pod pod = MockCluster.pod(namespace, name);
    pod.getMetadata().setResourceVersion(version);
    return pod;
  }

  private Pod put(Pod pod) {
    return pods.put(pods.getKey(pod), pod);
  }

  private Optional<String> friendVersion(String namespace, String name) {
    return pods.friend(namespace, name).map(p -> p.getMetadata().getResourceVersion());
  }

  @Test
  void aPodNoFooNames_isNotKept_andTheInformerSeesNoChangeToTellItsHandlers() {
    Pod bystander =
        MockCluster.runningPod("team-a", "bystander", "0f8fad5b-d9cb-469f-a165-70867728950e", "7");

    // fabric8's informer tells its handlers of a stored object only when the one it replaced is
    // missing or of another resourceVersion.
    Pod before = put(bystander);
    assertThat(before).isNotNull();
    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("7");

    assertThat(pods.get("team-a/bystander")).isNull();
    assertThat(pods.size()).isZero();
    assertThat(pods.keySet()).isEmpty();
    assertThat(bystander.getSpec()).isNull();
    assertThat(bystander.getStatus()).isNull();
    assertThat(bystander.getMetadata().getResourceVersion()).isEqualTo("7");
    // Its deletion is nobody's business: no Pod handed back, so no delete event.
    assertThat(pods.remove("team-a/bystander")).isNull();
  }

  @Test
  void aFriendsPod_isKeptUnderTheInformersKey_asItsCachedForm() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    Pod jack =
        MockCluster.runningPod("team-a", "jack", "0f8fad5b-d9cb-469f-a165-70867728950e", "7");
    jack.getMetadata().setLabels(Map.of("app", "jack"));

    put(jack);

    assertThat(pods.getKey(jack)).isEqualTo("team-a/jack");
    assertThat(pods.get("team-a/jack")).isEqualTo(jack);
    assertThat(jack.getSpec()).isNull();
    assertThat(jack.getMetadata().getLabels()).isEmpty();
    assertThat(jack.getMetadata().getUid()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(pods.get("team-b/jack")).isNull();
    assertThat(pods.keySet()).containsExactly("team-a/jack");
    assertThat(pods.values()).containsExactly(jack);
    assertThat(pods.size()).isEqualTo(1);
    assertThat(pods.isFullState()).isFalse();
  }

  @Test
  void storingAFriendAgain_replacesIt_andHandsBackTheOneBefore() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    put(pod("team-a", "jack", "1"));

    Pod before = put(pod("team-a", "jack", "2"));

    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(friendVersion("team-a", "jack")).hasValue("2");
    assertThat(pods.size()).isEqualTo(1);
    assertThat(reads).isEmpty();
  }

  @Test
  void whenAFriendsPodIsRemoved_itIsHandedBack_andKnownToBeGone() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    put(pod("team-a", "jack", "1"));

    assertThat(pods.remove("team-a/jack").getMetadata().getName()).isEqualTo("jack");

    assertThat(pods.remove("team-a/jack")).isNull();
    assertThat(pods.friend("team-a", "jack")).isEmpty();
    assertThat(pods.size()).isZero();
    assertThat(reads).isEmpty();
  }

  @Test
  void whenNoFooNamesAFriendAnyMore_itsPodIsDropped() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    friends.record(Foo.of("team-a", "foo-02", "jack"));
    put(pod("team-a", "jack", "1"));

    friends.forget(new ResourceID("foo-01", "team-a"));
    assertThat(pods.get("team-a/jack")).isNotNull();
    friends.record(Foo.of("team-a", "foo-02", "jill"));

    assertThat(pods.get("team-a/jack")).isNull();
    assertThat(pods.size()).isZero();
  }

  @Test
  void aPodNamedAfterItsEventsWentBy_isReadOnce_thenFollowedThroughTheInformer() {
    put(pod("team-a", "jack", "1"));
    apiServer.put("team-a/jack", pod("team-a", "jack", "1"));
    friends.record(Foo.of("team-a", "foo-01", "jack"));

    assertThat(friendVersion("team-a", "jack")).hasValue("1");
    assertThat(friendVersion("team-a", "jack")).hasValue("1");
    assertThat(reads).containsExactly("team-a/jack");
    assertThat(pods.get("team-a/jack").getSpec()).isNull();

    put(pod("team-a", "jack", "2"));
    assertThat(friendVersion("team-a", "jack")).hasValue("2");
    assertThat(reads).hasSize(1);
  }

  @Test
  void aFriendWithNoPod_isReadOnce_andThenKnownToHaveNone_untilOneArrives() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));

    assertThat(pods.friend("team-a", "jack")).isEmpty();
    assertThat(pods.friend("team-a", "jack")).isEmpty();
    assertThat(reads).containsExactly("team-a/jack");

    put(pod("team-a", "jack", "3"));
    assertThat(friendVersion("team-a", "jack")).hasValue("3");
    assertThat(reads).hasSize(1);
  }

  @Test
  void whenThePodGoesWhileItIsRead_theReadsOlderAnswerIsNotKept() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    Pod seenByTheRead = pod("team-a", "jack", "1");
    read =
        (namespace, name) -> {
          // The informer delivers the deletion while the read's answer is on its way.
          put(pod("team-a", "jack", "1"));
          pods.remove("team-a/jack");
          return seenByTheRead;
        };

    assertThat(pods.friend("team-a", "jack")).isEmpty();
    assertThat(pods.get("team-a/jack")).isNull();
  }

  @Test
  void whenThePodChangesWhileItIsRead_theInformersNewerPodIsKept() {
    friends.record(Foo.of("team-a", "foo-01", "jack"));
    read =
        (namespace, name) -> {
          put(pod("team-a", "jack", "5"));
          return pod("team-a", "jack", "4");
        };

    assertThat(friendVersion("team-a", "jack")).hasValue("5");
  }

  @Test
  void afterTheFirstList_friendsNamedBeforeItThatItDidNotBring_haveNoPod_withoutAnyRead() {
    friends.prime(List.of(Foo.of("team-a", "foo-01", "jack"), Foo.of("team-a", "foo-02", "jill")));
    put(pod("team-a", "jack", "1"));
    put(pod("team-a", "bystander", "1"));

    friends.listed();

    assertThat(friendVersion("team-a", "jack")).hasValue("1");
    assertThat(pods.friend("team-a", "jill")).isEmpty();
    assertThat(pods.size()).isEqualTo(1);
    assertThat(reads).isEmpty();
    // A friend named after the list began is not vouched for by it: it is read.
    friends.record(Foo.of("team-a", "foo-03", "joe"));
    assertThat(pods.friend("team-a", "joe")).isEmpty();
    assertThat(reads).containsExactly("team-a/joe");
  }

  @Test
  void foosDeletedBeforeTheirFirstReconcile_areForgotten_withTheirFriendsPods() {
    friends.prime(List.of(Foo.of("team-a", "foo-01", "jack"), Foo.of("team-a", "foo-02", "jill")));
    put(pod("team-a", "jack", "1"));
    put(pod("team-a", "jill", "1"));

    friends.retainFoos(id -> id.getName().equals("foo-02"));

    assertThat(friends.size()).isEqualTo(1);
    assertThat(friends.foosNaming("team-a", "jack")).isEmpty();
    assertThat(pods.keySet()).containsExactly("team-a/jill");
  }

  /**
   * Through fabric8's own informer store and event distribution (its {@code impl} classes, as its
   * informer wires them): events of a Pod no Foo names reach no handler, a friend's all do.
   */
  @Test
  void throughFabric8sInformerStore_onlyAFriendsEventsReachTheHandlers() {
    CacheImpl<Pod> cache = new CacheImpl<>();
    cache.setItemStore(pods);
    SharedProcessor<Pod> processor = new SharedProcessor<>();
    List<String> told = new ArrayList<>();
    processor.addProcessorListener(
        new ResourceEventHandler<Pod>() {
          @Override
          public void onAdd(Pod pod) {
            told.add("add " + pod.getMetadata().getName());
          }

          @Override
          public void onUpdate(Pod before, Pod pod) {
            told.add("update " + pod.getMetadata().getName());
          }

          @Override
          public void onDelete(Pod pod, boolean unknownFinalState) {
            told.add("delete " + pod.getMetadata().getName());
          }
        },
        0,
        List::of);
    ProcessorStore<Pod> informer = new ProcessorStore<>(cache, processor);
    friends.record(Foo.of("team-a", "foo-01", "jack"));

    for (String name : List.of("bystander", "jack")) {
      informer.add(pod("team-a", name, "1"));
      informer.update(pod("team-a", name, "2"));
      informer.delete(pod("team-a", name, "3"));
    }

    assertThat(told).containsExactly("add jack", "update jack", "delete jack");
  }
}
