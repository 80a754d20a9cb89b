package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import my.domain.tutorial.api.friendship.FriendPod;

/** What the Pod informer lets through: only what can change a verdict. */
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
}
