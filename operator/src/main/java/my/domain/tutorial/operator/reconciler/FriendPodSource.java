package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import my.domain.tutorial.api.v1.Foo;

/**
 * The friend Pods' event source: the SDK's informer event source without fabric8's namespace index
 * ({@link NamespaceIndex}), and with the friends named before its first list where its store keeps
 * friends only ({@link FriendPodStore}). fabric8's cache indexes every Pod its store is handed,
 * kept or not, and un-indexes only those the store hands back on deletion, so with that store the
 * index would grow with every Pod ever seen; without a store of friends it holds every Pod of the
 * watched namespaces, megabytes on a large cluster. The reconciler looks a Pod up by namespace and
 * name, and the SDK reads the index only when asked to list a namespace, which this source answers
 * by filtering instead. The index is dropped as the informer begins its first list, so it never
 * grows while that list comes in.
 */
final class FriendPodSource extends InformerEventSource<Pod, Foo> {
  /** The SDK's informer wrappers whose index is already dropped (or could not be). */
  private final Set<InformerHealthIndicator> done =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  /** The index that decides which Pods are kept ({@link FriendPodStore}); null: all are. */
  private final FriendIndex friends;

  private final IndexedResourceCache<Foo> foos;

  /**
   * @param friends the index of the {@link FriendPodStore} the configuration names, null if it
   *     names none
   */
  FriendPodSource(
      InformerEventSourceConfiguration<Pod> configuration,
      EventSourceContext<Foo> context,
      FriendIndex friends) {
    super(configuration, context);
    this.friends = friends;
    this.foos = context.getPrimaryCache();
  }

  /**
   * With a store of friends only, every Foo's friend is named before the first list, so the list
   * keeps their Pods (the SDK starts the Foo informer first and waits for its list), and once it is
   * in, a friend it did not bring is known to have no Pod: a restart reads no Pod by itself.
   */
  @Override
  public synchronized void start() {
    if (friends != null) {
      friends.prime(foos.list()::iterator);
    }
    super.start();
    if (friends != null
        && informerHealthIndicators().values().stream()
            .allMatch(InformerHealthIndicator::hasSynced)) {
      friends.listed();
    }
  }

  /**
   * Each informer tells its handlers when it is about to list, before its first Pod (which, with a
   * store of friends only, may reach no handler at all).
   */
  @Override
  public void onBeforeList(String lastSyncResourceVersion) {
    dropNamespaceIndexes();
    super.onBeforeList(lastSyncResourceVersion);
  }

  /** Without the namespace index, a namespace's Pods are found by looking through them all. */
  @Override
  public Stream<Pod> list(String namespace, Predicate<Pod> predicate) {
    return list(
        p -> Objects.equals(namespace, p.getMetadata().getNamespace()) && predicate.test(p));
  }

  /**
   * Drops the index of each informer not yet seen. An informer (one per watched namespace, or one
   * for all) says it is about to list as its list is sent, so its index holds at most the Pods
   * stored by the time its handlers hear of it: in the bench's restarts over 100,000 Pods, none.
   */
  private void dropNamespaceIndexes() {
    var informers = informerHealthIndicators();
    if (done.size() == informers.size()) {
      return;
    }
    synchronized (done) {
      informers.forEach(
          (namespace, wrapper) -> {
            if (done.add(wrapper)) {
              NamespaceIndex.drop(name(), namespace, wrapper);
            }
          });
    }
  }
}
