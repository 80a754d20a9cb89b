package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
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
   * The Pod informer's store: each Pod kept as a {@link CachedPod}, its identity and what tells its
   * deletion apart. Every Pod of the watched namespaces is cached, friend or not, so on a large
   * cluster these entries are most of the heap, and a whole Pod (spec, status, labels, annotations,
   * managed fields) costs kilobytes. The stored Pod itself, which the informer also hands to the
   * event handlers, is trimmed to the same fields ({@link CachedPod#trim}).
   */
  public static ItemStore<Pod> store() {
    return new SlimItemStore<>(
        pod -> {
          CachedPod kept = CachedPod.of(pod);
          kept.trim(pod);
          return kept;
        },
        CachedPod::toPod);
  }
}
