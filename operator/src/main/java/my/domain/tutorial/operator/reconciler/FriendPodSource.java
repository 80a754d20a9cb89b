package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import my.domain.tutorial.api.v1.Foo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The friend Pods' event source: the SDK's informer event source without fabric8's namespace index.
 *
 * <p>fabric8's informer cache indexes every object by namespace, keeping per object a
 * "namespace/name" key string and the object's resourceVersion string. Every Pod of the watched
 * namespaces is cached, so on a cluster of 100,000 Pods that index is megabytes of heap, and
 * nothing reads it: the reconciler looks a Pod up by namespace and name, and the SDK lists by
 * namespace only for a secondary resource without a primary-to-secondary mapper (this one has one).
 * fabric8 can drop it ({@link SharedIndexInformer#removeNamespaceIndex()}), but the SDK (5.3)
 * creates and starts its informers in one step and offers no way to reach them. So when the first
 * Pod arrives, this source reaches each of its informers through the SDK's health indicators (the
 * SDK's informer wrappers) and their private {@code informer} field, drops the index and logs what
 * is left. Should a later SDK rename that field, it logs one warning and keeps the index: only
 * memory is at stake.
 */
final class FriendPodSource extends InformerEventSource<Pod, Foo> {
  private static final Logger log = LoggerFactory.getLogger(FriendPodSource.class);

  /** The SDK's informer wrapper's field holding the fabric8 informer. */
  static final String INFORMER_FIELD = "informer";

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
              dropNamespaceIndex(namespace, wrapper);
            }
          });
    }
  }

  private void dropNamespaceIndex(String namespace, InformerHealthIndicator wrapper) {
    SharedIndexInformer<?> informer;
    try {
      Field field = wrapper.getClass().getDeclaredField(INFORMER_FIELD);
      field.setAccessible(true);
      informer = (SharedIndexInformer<?>) field.get(wrapper);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "{} ({}): keeping fabric8's namespace index, which costs memory per cached Pod: cannot"
              + " reach the informer in {} ({})",
          name(),
          namespace,
          wrapper.getClass().getName(),
          e.toString());
      return;
    }
    informer.removeNamespaceIndex();
    log.info(
        "{} ({}): dropped fabric8's namespace index; indexes left: {}",
        name(),
        namespace,
        informer.getIndexer().getIndexers().keySet());
  }
}
