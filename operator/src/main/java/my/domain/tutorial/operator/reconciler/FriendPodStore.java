package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pod informer's store: it keeps a Pod only while some Foo names it ({@link FriendIndex}), as a
 * {@link CachedPod}. The informer watches every Pod of the watched namespaces, but on a real
 * cluster most of them are no Foo's friend, and caching them all made the operator's memory follow
 * the cluster's Pod count rather than its Foos. A Pod that becomes a friend after its events went
 * by is read once from the API server ({@link #friend}); from then on the informer keeps it.
 *
 * <p>A Pod no Foo names reaches no event handler ({@link #put}), and every Pod the informer stores
 * is trimmed in place to what is kept ({@link CachedPod#trim}): the informer hands a friend to the
 * event handlers as well, and while it lists a large cluster they lag behind, each Pod waiting in
 * their queue.
 *
 * <p>At TRACE it logs each Pod it keeps (and each it drops); docs/operator.md says how to turn it
 * on.
 */
final class FriendPodStore implements ItemStore<Pod> {
  static final Logger log = LoggerFactory.getLogger(FriendPodStore.class);

  private final FriendIndex friends;
  private final BiFunction<String, String, Pod> read;

  /**
   * @param read reads a Pod (namespace, name) from the API server; null when there is none
   */
  FriendPodStore(FriendIndex friends, BiFunction<String, String, Pod> read) {
    this.friends = Objects.requireNonNull(friends);
    this.read = Objects.requireNonNull(read);
  }

  /**
   * The friend Pod {@code namespace/name} of a Foo already recorded in the index: as kept, or, when
   * nothing is known of it yet, as the API server has it now.
   */
  Optional<Pod> friend(String namespace, String name) {
    FriendIndex.Known known = friends.known(namespace, name);
    if (!known.known()) {
      Pod pod = read.apply(namespace, name);
      CachedPod kept = pod == null ? null : CachedPod.of(pod);
      known = friends.read(namespace, name, kept);
      log.debug(
          "{}/{}: friend Pod read from the API server: {}",
          namespace,
          name,
          pod == null ? "none" : "exists");
      if (kept != null && known.pod() == kept && log.isTraceEnabled()) {
        log.trace(
            "{}: cached Pod as {}",
            Cache.namespaceKeyFunc(namespace, name),
            Serialization.asJson(kept.toPod()));
      }
    }
    return Optional.ofNullable(known.pod()).map(CachedPod::toPod);
  }

  @Override
  public String getKey(Pod pod) {
    return Cache.metaNamespaceKeyFunc(pod);
  }

  @Override
  public Pod put(String key, Pod pod) {
    CachedPod kept = CachedPod.of(pod);
    kept.trim(pod);
    CachedPod before = friends.podArrived(kept);
    if (before == kept) {
      // No Foo names it: the Pod itself as the one "before", at the same resourceVersion, so the
      // informer tells no handler. A Foo that names it later reads it; its event would find no Foo
      // now, and on a large cluster these events, queued for the handlers while a restart lists
      // every Pod, were most of its heap and its garbage collections.
      return pod;
    }
    if (log.isTraceEnabled()) {
      log.trace("{}: cached Pod as {}", key, Serialization.asJson(kept.toPod()));
    }
    return restored(before);
  }

  @Override
  public Pod remove(String key) {
    Pod removed = restored(byKey(key, friends::podGone));
    if (removed != null) {
      log.trace("{}: dropped Pod from the cache", key);
    }
    return removed;
  }

  @Override
  public Stream<String> keySet() {
    return friends.pods().stream().map(p -> Cache.namespaceKeyFunc(p.namespace(), p.name()));
  }

  @Override
  public Stream<Pod> values() {
    return friends.pods().stream().map(CachedPod::toPod);
  }

  @Override
  public int size() {
    return friends.podCount();
  }

  @Override
  public Pod get(String key) {
    return restored(byKey(key, friends::pod));
  }

  /** {@code look} applied to the namespace and name of an informer's key ("namespace/name"). */
  private static CachedPod byKey(String key, BiFunction<String, String, CachedPod> look) {
    int slash = key.indexOf('/');
    return slash < 0
        ? look.apply(null, key)
        : look.apply(key.substring(0, slash), key.substring(slash + 1));
  }

  /** It holds only friends, and those not whole: the informer hands its handlers the full Pod. */
  @Override
  public boolean isFullState() {
    return false;
  }

  private static Pod restored(CachedPod kept) {
    return kept == null ? null : kept.toPod();
  }
}
