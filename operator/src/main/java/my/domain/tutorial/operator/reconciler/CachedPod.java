package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * A Pod as the operator's cache keeps it: its identity (namespace, name, uid, resourceVersion) and
 * what tells its deletion apart (timestamp, grace period, finalizers). The verdict, the friend
 * index and the SDK's cache bookkeeping (resourceVersion) read nothing else.
 *
 * <p>Every Pod of the watched namespaces is cached, friend or not, so on a large cluster this
 * object is most of the heap, and it is laid out for that: one flat object instead of a fabric8
 * {@code Pod} and its {@code ObjectMeta} (with their empty maps and lists), its identity kept as
 * {@link CachedIdentity} keeps it. {@link #toPod()} gives back exactly what {@link #of(Pod)} kept:
 * the store hands a reader a new Pod each time, and nothing writes to it.
 */
final class CachedPod extends CachedIdentity {
  private static final String API_VERSION = HasMetadata.getApiVersion(Pod.class);
  private static final String KIND = HasMetadata.getKind(Pod.class);

  private final String deletionTimestamp;
  private final Long deletionGracePeriodSeconds;
  private final List<String> finalizers;

  private CachedPod(ObjectMeta meta) {
    super(meta);
    deletionTimestamp = meta.getDeletionTimestamp();
    deletionGracePeriodSeconds = meta.getDeletionGracePeriodSeconds();
    finalizers =
        meta.getFinalizers() == null || meta.getFinalizers().isEmpty()
            ? List.of()
            : List.copyOf(meta.getFinalizers());
  }

  static CachedPod of(Pod pod) {
    return new CachedPod(pod.getMetadata());
  }

  /**
   * The Pod this stands for, with only the kept fields set and no empty collections of its own
   * (they serialize as absent).
   */
  Pod toPod() {
    ObjectMeta meta = identity();
    meta.setDeletionTimestamp(deletionTimestamp);
    meta.setDeletionGracePeriodSeconds(deletionGracePeriodSeconds);
    meta.setFinalizers(finalizers);
    meta.setLabels(Map.of());
    meta.setAnnotations(Map.of());
    meta.setManagedFields(List.of());
    meta.setOwnerReferences(List.of());
    meta.setAdditionalProperties(Map.of());
    Pod pod = new Pod(); // its apiVersion and kind are the shared constants "v1" and "Pod"
    pod.setMetadata(meta);
    pod.setAdditionalProperties(Map.of());
    return pod;
  }

  /**
   * Trims {@code pod}, the Pod this was made of, in place to what this keeps, so it is the Pod
   * {@link #toPod()} gives. The informer hands the Pod it stored to the event handlers as well, and
   * while it lists a large cluster they lag behind: each whole Pod (spec, status, managed fields)
   * would wait in their queue, together hundreds of MiB at 20,000 Pods, where their metadata is all
   * the handlers read. A Pod read as metadata only says so in its kind, which is set back to Pod's.
   */
  void trim(Pod pod) {
    pod.setApiVersion(API_VERSION);
    pod.setKind(KIND);
    pod.setMetadata(toPod().getMetadata());
    pod.setSpec(null);
    pod.setStatus(null);
    pod.setAdditionalProperties(Map.of());
  }
}
