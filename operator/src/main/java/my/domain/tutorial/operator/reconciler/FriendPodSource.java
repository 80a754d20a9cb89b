package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
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
 * ({@link NamespaceIndex}). Every Pod of the watched namespaces is cached, so on a cluster of
 * 100,000 Pods that index is megabytes of heap; the reconciler looks a Pod up by namespace and
 * name, and the SDK reads the index only when asked to list a namespace, which this source answers
 * by filtering instead. The index is dropped when the first Pod arrives, so it never grows while
 * the informer's first list comes in.
 */
final class FriendPodSource extends InformerEventSource<Pod, Foo> {
  /** The SDK's informer wrappers whose index is already dropped (or could not be). */
  private final Set<InformerHealthIndicator> done =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  FriendPodSource(
      InformerEventSourceConfiguration<Pod> configuration, EventSourceContext<Foo> context) {
    super(configuration, context);
  }

  @Override
  public void onAdd(Pod pod) {
    dropNamespaceIndexes();
    super.onAdd(pod);
  }

  /** Without the namespace index, a namespace's Pods are found by looking through them all. */
  @Override
  public Stream<Pod> list(String namespace, Predicate<Pod> predicate) {
    return list(
        p -> Objects.equals(namespace, p.getMetadata().getNamespace()) && predicate.test(p));
  }

  /**
   * Drops the index of each informer not yet seen. An informer (one per watched namespace, or one
   * for all) delivers its first Pod right after storing it, so its index never grows.
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
