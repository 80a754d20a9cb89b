package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.function.UnaryOperator;

/** What the Pod informer lets through and what it keeps: only what can change a verdict. */
public final class PodEvents {
  private PodEvents() {
  }

  /**
   * Creations and deletions always pass; of updates only the moment deletion starts can change a
   * verdict, so label, annotation and status churn never wakes the reconciler.
   */
  public static final OnUpdateFilter<Pod> DELETION_STARTED =
      (newPod, oldPod) -> terminating(newPod) != terminating(oldPod);

  /**
   * Trims each cached Pod to its identity and deletion mark: the verdict needs nothing else, and a
   * whole Pod (spec, status, managed fields) costs kilobytes per entry on a big cluster.
   */
  public static final UnaryOperator<Pod> SLIM = pod -> {
    ObjectMeta meta = pod.getMetadata();
    Pod slim = new Pod();
    slim.setApiVersion(pod.getApiVersion());
    slim.setKind(pod.getKind());
    slim.setMetadata(new ObjectMetaBuilder()
        .withName(meta.getName())
        .withNamespace(meta.getNamespace())
        .withUid(meta.getUid())
        .withResourceVersion(meta.getResourceVersion())
        .withDeletionTimestamp(meta.getDeletionTimestamp())
        .build());
    return slim;
  };

  private static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }
}
