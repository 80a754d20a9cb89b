package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops fabric8's namespace index from the informers the SDK runs.
 *
 * <p>fabric8's informer cache indexes every object by namespace, keeping per object a
 * "namespace/name" key string and the object's resourceVersion string. On a large cluster that is
 * megabytes of heap that nothing here reads: the operator looks objects up by namespace and name,
 * and the SDK reads the index only when asked to list a namespace. fabric8 can drop it ({@link
 * SharedIndexInformer#removeNamespaceIndex()}), but the SDK (5.3) creates and starts its informers
 * in one step and offers no way to reach them. Its health indicators are its informer wrappers,
 * though, and this reads the fabric8 informer out of their private {@code informer} field. Should a
 * later SDK rename that field, it logs a warning and keeps the index: only memory is at stake.
 * Listing a namespace of a source without the index fails, so no code here does.
 */
public final class NamespaceIndex {
  private static final Logger log = LoggerFactory.getLogger(NamespaceIndex.class);

  /** The SDK's informer wrapper's field holding the fabric8 informer. */
  static final String INFORMER_FIELD = "informer";

  private NamespaceIndex() {}

  /**
   * Drops the index from each of an event source's informers ({@code informerHealthIndicators}).
   */
  public static void dropAll(String source, Map<String, InformerHealthIndicator> informers) {
    informers.forEach((namespace, wrapper) -> drop(source, namespace, wrapper));
  }

  /** Drops the index from the informer of one SDK informer wrapper. */
  static void drop(String source, String namespace, InformerHealthIndicator wrapper) {
    SharedIndexInformer<?> informer;
    try {
      Field field = wrapper.getClass().getDeclaredField(INFORMER_FIELD);
      field.setAccessible(true);
      informer = (SharedIndexInformer<?>) field.get(wrapper);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "{} ({}): keeping fabric8's namespace index, which costs memory per cached object:"
              + " cannot reach the informer in {} ({})",
          source,
          namespace,
          wrapper.getClass().getName(),
          e.toString());
      return;
    }
    informer.removeNamespaceIndex();
    log.info(
        "{} ({}): dropped fabric8's namespace index; indexes left: {}",
        source,
        namespace,
        informer.getIndexer().getIndexers().keySet());
  }
}
