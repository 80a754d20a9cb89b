package my.domain.tutorial.api.friendship;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;
import java.util.Optional;

/** The only facts about a Pod the verdict depends on. */
public record FriendPod(String namespace, String name, boolean terminating) {
  public FriendPod {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The friend as the verdict sees {@code pod}: empty when its deletion is already complete, so a
   * force-deleted Pod counts as gone at once rather than passing through FriendTerminating.
   */
  public static Optional<FriendPod> of(Pod pod) {
    if (deletionComplete(pod)) {
      return Optional.empty();
    }
    ObjectMeta meta = pod.getMetadata();
    return Optional.of(
        new FriendPod(meta.getNamespace(), meta.getName(), meta.getDeletionTimestamp() != null));
  }

  /**
   * True when {@code pod} is being deleted with no grace period left and no finalizer holding it:
   * the API server removes it the same instant (a force delete, a kubelet's final delete, or any
   * delete of an unscheduled Pod), so the DELETED event that follows is the one that matters.
   */
  public static boolean deletionComplete(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    return meta.getDeletionTimestamp() != null
        && Long.valueOf(0).equals(meta.getDeletionGracePeriodSeconds())
        && (meta.getFinalizers() == null || meta.getFinalizers().isEmpty());
  }
}
