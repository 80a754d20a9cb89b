package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.operator.election.LeaseFence;
import my.domain.tutorial.operator.events.FriendshipEvents;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import my.domain.tutorial.operator.status.StatusCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each Foo's status true to its friend Pod. Reads only caches; writes status only when it
 * changed, and records an Event only when happiness flips.
 *
 * <p>It is also called when a Foo is deleted ({@code triggerReconcilerOnAllEvents}), to forget what
 * it held for that Foo. That needs no finalizer, so deleting a Foo stays immediate and the operator
 * needs no write access to Foos. Foo events stay generation-aware: the operator's own status write
 * does not come back as a reconcile.
 */
@ControllerConfiguration(
    name = FooReconciler.NAME,
    triggerReconcilerOnAllEvents = true,
    generationAwareEventProcessing = true)
public class FooReconciler implements Reconciler<Foo> {
  public static final String NAME = "foo";

  /** The name of the friend Pod event source. */
  public static final String FRIEND_PODS = "friend-pods";

  private static final Logger log = LoggerFactory.getLogger(FooReconciler.class);

  private final FriendshipEvents events;
  private final Clock clock;
  private final OperatorMetrics meters;
  private final KubernetesClient writer;
  private final LeaseFence fence;
  private final Duration fencedRetry;
  private final FriendIndex friends = new FriendIndex();

  /**
   * @param writer the client status writes are sent with (the SDK's client reads)
   * @param fence every status write passes it right before it is sent; one it refuses is dropped
   * @param fencedRetry when to look again at a Foo whose status write the fence refused
   */
  public FooReconciler(
      FriendshipEvents events,
      Clock clock,
      OperatorMetrics meters,
      KubernetesClient writer,
      LeaseFence fence,
      Duration fencedRetry,
      boolean slimPodCache) {
    this.slimPodCache = slimPodCache;
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.meters = Objects.requireNonNull(meters);
    this.writer = Objects.requireNonNull(writer);
    this.fence = Objects.requireNonNull(fence);
    this.fencedRetry = Objects.requireNonNull(fencedRetry);
  }

  /** See {@link my.domain.tutorial.operator.runtime.OperatorSettings#slimCaches()}. */
  private final boolean slimPodCache;

  @Override
  public List<EventSource<?, Foo>> prepareEventSources(EventSourceContext<Foo> context) {
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, Foo.class)
            .withName(FRIEND_PODS)
            .withNamespacesInheritedFromController()
            .withFollowControllerNamespacesChanges(true)
            .withSecondaryToPrimaryMapper(friends.foosNaming())
            .withPrimaryToSecondaryMapper(FriendIndex.friendOf())
            .withOnUpdateFilter(PodEvents.VERDICT_CHANGES);
    if (slimPodCache) {
      pods.withItemStore(new TransformingItemStore<>(PodEvents.SLIM));
    }
    return List.of(new InformerEventSource<>(pods.build(), context));
  }

  @Override
  public UpdateControl<Foo> reconcile(Foo foo, Context<Foo> context) {
    if (context.isPrimaryResourceDeleted()) {
      forget(foo);
      // The SDK hands over a Foo of the same name still in its cache when the Foo was deleted and
      // created again before this ran; that new Foo is owed a reconcile, given right here.
      if (context.getPrimaryCache().get(ResourceID.fromResource(foo)).isEmpty()) {
        return UpdateControl.noUpdate();
      }
    }
    friends.record(foo);
    Optional<FriendPod> pod = context.getSecondaryResource(Pod.class).flatMap(FriendPod::of);
    Verdict verdict = Friendship.verdict(foo, pod);
    FooStatus current = foo.getStatus();
    FooStatus next =
        StatusCalculator.next(current, verdict, foo.getMetadata().getGeneration(), clock.instant());
    if (next.equals(current)) {
      return UpdateControl.noUpdate();
    }
    // A PUT on the status subresource carries the resourceVersion the status was computed from, so
    // a concurrent writer gets a 409 (and a retry on fresh data) rather than a lost update; caching
    // the response lets the next reconcile see this status before the informer does.
    try {
      PrimaryUpdateAndCacheUtils.updateAndCacheResource(
          foo,
          context,
          fresh -> {
            fresh.setStatus(next);
            return fresh;
          },
          this::sendStatus);
    } catch (FencedWrite e) {
      // Not sent. Should this replica still lead when the fence opens again, it writes then; if
      // not, the next leader reconciles every Foo when it starts.
      return UpdateControl.<Foo>noUpdate().rescheduleAfter(fencedRetry);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        log.debug(
            "{}/{}: deleted before its status could be written",
            foo.getMetadata().getNamespace(),
            foo.getMetadata().getName());
        return UpdateControl.noUpdate();
      }
      throw e;
    }
    meters.statusPatched();
    boolean flipped = StatusCalculator.happinessFlipped(current, next);
    log.info(
        "{}/{}: status {} (happy={}, reason={}, generation={})",
        foo.getMetadata().getNamespace(),
        foo.getMetadata().getName(),
        flipped ? "changed" : "refreshed",
        next.getHappy(),
        verdict.reason(),
        next.getObservedGeneration());
    if (flipped) {
      events.transitioned(foo, verdict);
    }
    return UpdateControl.noUpdate();
  }

  /** The status write itself, each attempt (a conflict retry too) checked by the fence first. */
  private Foo sendStatus(Foo foo) {
    if (!fence.admit("status", foo.getMetadata().getNamespace(), foo.getMetadata().getName())) {
      throw new FencedWrite();
    }
    return writer.resource(foo).updateStatus();
  }

  /** A status write the fence refused. */
  private static final class FencedWrite extends RuntimeException {
    FencedWrite() {
      super("status write fenced", null, false, false);
    }
  }

  private void forget(Foo foo) {
    ResourceID id = ResourceID.fromResource(foo);
    friends.forget(id);
    events.forget(id);
    log.debug(
        "{}/{}: deleted; forgotten", foo.getMetadata().getNamespace(), foo.getMetadata().getName());
  }

  /**
   * What it holds for Foos (friend mappings, Event counts): both only for live Foos, however many
   * came and went.
   */
  public Memory memory() {
    return new Memory(friends.size(), events.size());
  }

  /** How many Foos the friend index and the Event counts hold an entry for. */
  public record Memory(int friendIndexEntries, int eventCountEntries) {}
}
