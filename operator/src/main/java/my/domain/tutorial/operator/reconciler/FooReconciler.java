package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
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

  /**
   * How many objects an informer asks for per page when it lists (at start, and after a watch
   * expired). Unpaged, the API server answers with every Pod of the watched namespaces in one
   * response, which the client parses whole: on a restart over 100,000 Pods, hundreds of MiB at
   * once, far beyond what the cache then keeps. client-go's informers page by 500 too.
   */
  public static final long LIST_PAGE = 500;

  private static final Logger log = LoggerFactory.getLogger(FooReconciler.class);

  private final FriendshipEvents events;
  private final Clock clock;
  private final OperatorMetrics meters;
  private final KubernetesClient writer;
  private final LeaseFence fence;
  private final Duration fencedRetry;
  private final FriendIndex friends = new FriendIndex();
  private final Duration resyncPeriod;

  /**
   * @param writer the client status writes are sent with (the SDK's client reads)
   * @param fence every status write passes it right before it is sent; one it refuses is dropped
   * @param fencedRetry when to look again at a Foo whose status write the fence refused
   * @param resyncPeriod how often every Foo is reconciled whatever the events; zero: never
   */
  public FooReconciler(
      FriendshipEvents events,
      Clock clock,
      OperatorMetrics meters,
      KubernetesClient writer,
      LeaseFence fence,
      Duration fencedRetry,
      Duration resyncPeriod,
      boolean slimPodCache) {
    this.slimPodCache = slimPodCache;
    this.resyncPeriod = Objects.requireNonNull(resyncPeriod);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.meters = Objects.requireNonNull(meters);
    this.writer = Objects.requireNonNull(writer);
    this.fence = Objects.requireNonNull(fence);
    this.fencedRetry = Objects.requireNonNull(fencedRetry);
  }

  /** See {@link my.domain.tutorial.operator.runtime.OperatorSettings#slimCaches()}. */
  private final boolean slimPodCache;

  /** The friend Pods, as the SDK's informer holds them; set when the SDK asks for event sources. */
  private volatile InformerEventSource<Pod, Foo> podCache;

  /** With slim caches, the Pod informer's store, which keeps friends only; else null. */
  private volatile FriendPodStore friendStore;

  private volatile IndexedResourceCache<Foo> primaries;

  /**
   * How many Pods the Pod cache holds: with slim caches the friends that exist, counted without
   * restoring them; else every Pod of the watched namespaces (the SDK's own store).
   */
  public long cachedPods() {
    FriendPodStore store = friendStore;
    return store != null ? store.size() : podCache.list(p -> true).count();
  }

  @Override
  public List<EventSource<?, Foo>> prepareEventSources(EventSourceContext<Foo> context) {
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, Foo.class)
            .withName(FRIEND_PODS)
            .withNamespacesInheritedFromController()
            .withFollowControllerNamespacesChanges(true)
            .withSecondaryToPrimaryMapper(friends.foosNaming())
            .withPrimaryToSecondaryMapper(FriendIndex.friendOf())
            .withOnUpdateFilter(PodEvents.VERDICT_CHANGES)
            .withInformerListLimit(LIST_PAGE);
    primaries = context.getPrimaryCache();
    if (slimPodCache) {
      KubernetesClient reader = context.getClient();
      friendStore =
          new FriendPodStore(
              friends,
              (namespace, name) -> {
                meters.friendRead();
                return reader.pods().inNamespace(namespace).withName(name).get();
              });
      pods.withItemStore(friendStore);
    }
    podCache = new FriendPodSource(pods.build(), context, slimPodCache ? friends : null);
    if (resyncPeriod.isZero()) {
      return List.of(podCache);
    }
    return List.of(podCache, new ResyncEventSource(context.getPrimaryCache(), resyncPeriod));
  }

  /**
   * Records which friend {@code foo} names now and returns that Pod from the cache. It looks the
   * Pod up by the given Foo rather than through the context, whose primary is the Foo the reconcile
   * started from: a status write retried after a 409 needs the friend of the newer Foo.
   */
  private Optional<FriendPod> recordFriendOf(Foo foo) {
    friends.record(foo);
    String friend = foo.friendName();
    if (friend == null) {
      return Optional.empty();
    }
    String namespace = foo.getMetadata().getNamespace();
    FriendPodStore store = friendStore;
    return (store != null
            ? store.friend(namespace, friend)
            : podCache.get(new ResourceID(friend, namespace)))
        .flatMap(FriendPod::of);
  }

  /**
   * Called once the SDK processes events: forgets the Foos recorded before (as its first list came
   * in, see {@link FriendPodSource#start}) that were deleted before it did, as the SDK drops those
   * deletions rather than reconcile them.
   */
  public void started() {
    friends.retainFoos(id -> primaries.get(id).isPresent());
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
    FooStatus current = foo.getStatus();
    FooStatus next =
        StatusCalculator.next(
            current,
            Friendship.verdict(foo, recordFriendOf(foo)),
            foo.getMetadata().getGeneration(),
            clock.instant());
    if (next.equals(current)) {
      return UpdateControl.noUpdate();
    }
    // A PUT on the status subresource carries the resourceVersion the status was computed from, so
    // a concurrent writer gets a 409 rather than a lost update. On a 409 the SDK waits for a newer
    // Foo in its cache and applies the update again to it: the update computes the status afresh
    // from that Foo (StatusUpdate), and the PUT carries that Foo's resourceVersion. Caching the
    // response lets the next reconcile see this status before the informer does.
    StatusUpdate update = new StatusUpdate(this::recordFriendOf, clock);
    Foo written;
    try {
      written =
          PrimaryUpdateAndCacheUtils.updateAndCacheResource(foo, context, update, this::sendStatus);
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
    boolean flipped = StatusCalculator.happinessFlipped(update.before(), update.after());
    log.info(
        "{}/{}: status {} (happy={}, reason={}, generation={})",
        written.getMetadata().getNamespace(),
        written.getMetadata().getName(),
        flipped ? "changed" : "refreshed",
        update.after().getHappy(),
        update.verdict().reason(),
        update.after().getObservedGeneration());
    if (flipped) {
      events.transitioned(written, update.verdict());
    }
    return UpdateControl.noUpdate();
  }

  /** The status write itself, each attempt (a conflict retry too) checked by the fence first. */
  private Foo sendStatus(Foo foo) {
    if (!fence.admit("status", foo.getMetadata().getNamespace(), foo.getMetadata().getName())) {
      throw new FencedWrite();
    }
    // The SDK keeps the answer in its cache of recent writes until the informer has caught up, and
    // on a large cluster thousands stay there a while; their managed fields, a few dozen maps and
    // strings each, were the largest part of that cache.
    return FooCache.SLIM.apply(writer.resource(foo).updateStatus());
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
