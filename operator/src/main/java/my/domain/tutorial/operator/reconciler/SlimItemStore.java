package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An informer's store that keeps each object as {@code slim} made it. Unlike the SDK's {@code
 * TransformingItemStore}, it does not put the incoming object's own name, namespace and
 * resourceVersion strings back into what it stores: the slim functions keep those fields, and an
 * interned namespace shared by every object of a namespace is one of the savings.
 *
 * <p>At TRACE it logs each object as it stores it (and each it drops), so what the operator keeps
 * can be seen without a heap dump; docs/operator.md says how to turn it on.
 */
final class SlimItemStore<R extends HasMetadata> implements ItemStore<R> {
  private static final Logger log = LoggerFactory.getLogger(SlimItemStore.class);

  private final Map<String, R> store = new ConcurrentHashMap<>();
  private final UnaryOperator<R> slim;

  SlimItemStore(UnaryOperator<R> slim) {
    this.slim = slim;
  }

  @Override
  public String getKey(R obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public R put(String key, R obj) {
    R kept = slim.apply(obj);
    R previous = store.put(key, kept);
    if (log.isTraceEnabled()) {
      log.trace("{}: cached {} as {}", key, kept.getKind(), Serialization.asJson(kept));
    }
    return previous;
  }

  @Override
  public R remove(String key) {
    R removed = store.remove(key);
    if (removed != null) {
      log.trace("{}: dropped {} from the cache", key, removed.getKind());
    }
    return removed;
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet().stream();
  }

  @Override
  public Stream<R> values() {
    return store.values().stream();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public R get(String key) {
    return store.get(key);
  }

  /** What it holds is not the whole object, so the informer hands its handlers the full one. */
  @Override
  public boolean isFullState() {
    return false;
  }
}
