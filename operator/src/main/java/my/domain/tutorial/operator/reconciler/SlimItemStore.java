package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer's store that keeps each object as {@code slim} made it. Unlike the SDK's {@code
 * TransformingItemStore}, it does not put the incoming object's own name, namespace and
 * resourceVersion strings back into what it stores: the slim functions keep those fields, and an
 * interned namespace shared by every object of a namespace is one of the savings.
 */
final class SlimItemStore<R extends HasMetadata> implements ItemStore<R> {
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
    return store.put(key, slim.apply(obj));
  }

  @Override
  public R remove(String key) {
    return store.remove(key);
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
