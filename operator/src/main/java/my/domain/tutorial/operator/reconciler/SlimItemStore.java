package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An informer's store that keeps each object in a compact form of its own ({@code K}) and hands
 * readers the object that form stands for. Unlike the SDK's {@code TransformingItemStore}, it does
 * not put the incoming object's own name, namespace and resourceVersion strings back into what it
 * stores, and it files each object under its namespace and name rather than under a
 * "namespace/name" string of its own: on a large cluster both are a real share of what a cached
 * object costs, and an interned namespace shared by every object of a namespace is one of the
 * savings.
 *
 * <p>At TRACE it logs each object as it stores it (and each it drops), so what the operator keeps
 * can be seen without a heap dump; docs/operator.md says how to turn it on.
 */
final class SlimItemStore<R extends HasMetadata, K> implements ItemStore<R> {
  private static final Logger log = LoggerFactory.getLogger(SlimItemStore.class);

  /** Where an object is filed: its namespace (interned) and name, shared with the kept form. */
  private record Key(String namespace, String name) {
    static Key of(HasMetadata obj) {
      String namespace = obj.getMetadata().getNamespace();
      return new Key(namespace == null ? null : namespace.intern(), obj.getMetadata().getName());
    }

    /** The key of {@link Cache#metaNamespaceKeyFunc}: "namespace/name", or the name alone. */
    static Key parse(String key) {
      int slash = key.indexOf('/');
      return slash < 0
          ? new Key(null, key)
          : new Key(key.substring(0, slash), key.substring(slash + 1));
    }

    String text() {
      return namespace == null ? name : namespace + "/" + name;
    }
  }

  private final Map<Key, K> store = new ConcurrentHashMap<>();
  private final Function<R, K> keep;
  private final Function<K, R> restore;

  /**
   * @param keep what is kept of an object the informer stores (it may reuse the object's strings,
   *     and trim the object itself: the informer hands it to the event handlers, which read only
   *     what the store keeps)
   * @param restore the object a reader gets for what was kept
   */
  SlimItemStore(Function<R, K> keep, Function<K, R> restore) {
    this.keep = keep;
    this.restore = restore;
  }

  @Override
  public String getKey(R obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public R put(String key, R obj) {
    K kept = keep.apply(obj);
    K previous = store.put(Key.of(obj), kept);
    if (log.isTraceEnabled()) {
      R stored = restore.apply(kept);
      log.trace("{}: cached {} as {}", key, stored.getKind(), Serialization.asJson(stored));
    }
    return restored(previous);
  }

  @Override
  public R remove(String key) {
    R removed = restored(store.remove(Key.parse(key)));
    if (removed != null) {
      log.trace("{}: dropped {} from the cache", key, removed.getKind());
    }
    return removed;
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet().stream().map(Key::text);
  }

  @Override
  public Stream<R> values() {
    return store.values().stream().map(restore);
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public R get(String key) {
    return restored(store.get(Key.parse(key)));
  }

  /** What it holds is not the whole object, so the informer hands its handlers the full one. */
  @Override
  public boolean isFullState() {
    return false;
  }

  private R restored(K kept) {
    return kept == null ? null : restore.apply(kept);
  }
}
