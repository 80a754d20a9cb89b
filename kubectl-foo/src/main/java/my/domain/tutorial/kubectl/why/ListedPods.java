package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * What {@code why} keeps of each Pod it lists: what {@code FriendPod} (name, namespace, deletion)
 * and {@link Facts.PodSummary} (the owners: which one is the controller, its kind and name) read,
 * nothing else. With {@code -A} the list is every Pod of the cluster, and a whole Pod (spec,
 * status, managed fields) is tens of kilobytes once parsed: 100,000 of them kept whole took the JVM
 * plugin past 5 GiB.
 */
final class ListedPods {
  private ListedPods() {}

  static Pod kept(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    ObjectMeta kept = new ObjectMeta();
    kept.setName(meta.getName());
    kept.setNamespace(meta.getNamespace());
    kept.setDeletionTimestamp(meta.getDeletionTimestamp());
    kept.setDeletionGracePeriodSeconds(meta.getDeletionGracePeriodSeconds());
    kept.setFinalizers(meta.getFinalizers() == null ? List.of() : meta.getFinalizers());
    kept.setOwnerReferences(
        meta.getOwnerReferences() == null
            ? List.of()
            : meta.getOwnerReferences().stream().map(ListedPods::owner).toList());
    Pod slim = new Pod();
    slim.setMetadata(kept);
    return slim;
  }

  private static OwnerReference owner(OwnerReference ref) {
    OwnerReference kept = new OwnerReference();
    kept.setApiVersion(ref.getApiVersion());
    kept.setKind(ref.getKind());
    kept.setName(ref.getName());
    kept.setController(ref.getController());
    return kept;
  }
}
