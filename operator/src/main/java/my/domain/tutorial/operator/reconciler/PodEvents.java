package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import my.domain.tutorial.api.friendship.FriendPod;

/** What the Pod informer lets through and what it keeps: only what can change a verdict. */
public final class PodEvents {
  private PodEvents() {}

  /**
   * Creations and deletions always pass. Of updates only the moment a Pod starts terminating can
   * change a verdict, so label, annotation and status churn never wakes the reconciler. An update
   * that completes a deletion (grace period 0, no finalizer left: a force delete, or the release of
   * a finalizer-held Pod) does not pass either: the API server removes the Pod the same instant,
   * and its DELETED event brings the one reconcile that matters, so the Foo goes straight to
   * FriendNotFound instead of through a spurious FriendTerminating.
   */
  public static final OnUpdateFilter<Pod> VERDICT_CHANGES =
      (newPod, oldPod) ->
          !FriendPod.deletionComplete(newPod) && !FriendPod.of(newPod).equals(FriendPod.of(oldPod));

  /**
   * Trims each cached Pod to its identity (namespace, name, uid, resourceVersion) and what tells
   * its deletion apart (timestamp, grace period, finalizers): the verdict, the friend index and the
   * SDK's cache bookkeeping (resourceVersion) need nothing else, and a whole Pod (spec, status,
   * labels, annotations, managed fields) costs kilobytes per entry. Every Pod of the watched
   * namespaces is cached, friend or not, so on a large cluster this entry is most of the heap: the
   * empty collections a fabric8 object carries (five maps and lists a Pod) are replaced by shared
   * immutable empties, and the namespace, repeated on every Pod of a namespace, is interned.
   * Nothing writes to a cached Pod; the SDK only reads it.
   */
  public static final UnaryOperator<Pod> SLIM =
      pod -> {
        ObjectMeta meta = pod.getMetadata();
        ObjectMeta kept = new ObjectMeta();
        kept.setName(meta.getName());
        kept.setNamespace(meta.getNamespace() == null ? null : meta.getNamespace().intern());
        kept.setUid(meta.getUid());
        kept.setResourceVersion(meta.getResourceVersion());
        kept.setDeletionTimestamp(meta.getDeletionTimestamp());
        kept.setDeletionGracePeriodSeconds(meta.getDeletionGracePeriodSeconds());
        kept.setFinalizers(
            meta.getFinalizers() == null || meta.getFinalizers().isEmpty()
                ? List.of()
                : List.copyOf(meta.getFinalizers()));
        kept.setLabels(Map.of());
        kept.setAnnotations(Map.of());
        kept.setManagedFields(List.of());
        kept.setOwnerReferences(List.of());
        kept.setAdditionalProperties(Map.of());
        Pod slim = new Pod(); // its apiVersion and kind are the shared constants "v1" and "Pod"
        slim.setMetadata(kept);
        slim.setAdditionalProperties(Map.of());
        return slim;
      };
}
