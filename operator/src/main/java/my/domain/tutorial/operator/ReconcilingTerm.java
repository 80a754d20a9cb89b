package my.domain.tutorial.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.Controller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.operator.election.LeaseFence;
import my.domain.tutorial.operator.events.FriendshipEvents;
import my.domain.tutorial.operator.reconciler.FooCache;
import my.domain.tutorial.operator.reconciler.FooReconciler;
import my.domain.tutorial.operator.reconciler.NamespaceIndex;
import my.domain.tutorial.operator.reconciler.NoRateLimit;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import my.domain.tutorial.operator.runtime.OperatorSettings;

/**
 * One stretch of reconciling: the SDK operator with the Foo reconciler, its caches and what the
 * reconciler remembers, all new. Without leader election there is one term for the life of the
 * process; with it, one per leadership, so a replica that led before starts again from the cluster
 * and not from what it held then.
 */
final class ReconcilingTerm {
  private final Operator operator;
  private final FooReconciler reconciler;

  /** The Foo informer's store where it is ours (slim caches), else null. */
  private final ItemStore<Foo> fooStore;

  private ReconcilingTerm(Operator operator, FooReconciler reconciler, ItemStore<Foo> fooStore) {
    this.operator = operator;
    this.reconciler = reconciler;
    this.fooStore = fooStore;
  }

  /**
   * Starts reconciling and returns once the caches are synced. The SDK (informers, reads) uses
   * {@code client}; status writes and Events go through {@code writer}. An informer that stops on
   * an error after the start ends the process (the SDK's handler) unless {@code informerStopped}
   * replaces that handler.
   */
  static ReconcilingTerm start(
      OperatorSettings settings,
      KubernetesClient client,
      KubernetesClient writer,
      Clock clock,
      MeterRegistry registry,
      OperatorMetrics meters,
      LeaseFence fence,
      Optional<InformerStoppedHandler> informerStopped) {
    Operator operator =
        new Operator(
            o ->
                informerStopped
                    .map(o::withInformerStoppedHandler)
                    .orElse(o)
                    .withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    // One writer owns Foo status, so a JSON merge patch (guarded by
                    // resourceVersion) is enough, and it behaves the same on every API server and
                    // on fabric8's mock server.
                    .withUseSSAToPatchPrimaryResource(false)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                    .withReconciliationTerminationTimeout(Duration.ofSeconds(10))
                    .withConcurrentReconciliationThreads(settings.reconcileThreads()));
    FriendshipEvents events =
        new FriendshipEvents(writer, settings.identity(), clock, meters, fence);
    FooReconciler reconciler =
        new FooReconciler(
            events,
            clock,
            meters,
            writer,
            fence,
            settings.retryPeriod(),
            settings.resyncPeriod(),
            settings.slimCaches());
    ItemStore<Foo> fooStore = settings.slimCaches() ? FooCache.store() : null;
    operator.register(
        reconciler,
        c -> {
          c.withName(FooReconciler.NAME);
          if (fooStore != null) {
            c.withItemStore(fooStore);
          }
          c.withRateLimiter(new NoRateLimit());
          c.withInformerListLimit(FooReconciler.LIST_PAGE);
          // Events drive everything; the periodic check, a safety net should one ever be missed,
          // is one sweep over all Foos (ResyncEventSource), not the SDK's timer per Foo.
          c.withReconciliationMaxInterval(null);
          if (settings.watchesAllNamespaces()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchedNamespaces());
          }
        });
    try {
      operator.start();
    } catch (RuntimeException e) {
      operator.stop();
      throw e;
    }
    reconciler.started();
    ReconcilingTerm term = new ReconcilingTerm(operator, reconciler, fooStore);
    // After the first list, so the index held every Foo for a moment; the Foos are far fewer than
    // the Pods, whose source drops its index as its informer begins to list.
    NamespaceIndex.dropAll(
        FooReconciler.NAME,
        term.controller()
            .getEventSourceManager()
            .getControllerEventSource()
            .informerHealthIndicators());
    return term;
  }

  boolean started() {
    return operator.getRuntimeInfo().isStarted();
  }

  /**
   * Each informer that is not running, not synced or not watching. JOSDK 5.3 stopped counting a
   * lost watch as unhealthy; an informer whose watch is down serves a cache that no longer follows
   * the cluster, so readiness still does.
   */
  @SuppressWarnings("unchecked") // the SDK's health maps are raw types
  List<String> informerProblems() {
    List<String> problems = new ArrayList<>();
    for (RegisteredController<?> controller :
        operator.getRuntimeInfo().getRegisteredControllers()) {
      Map<String, InformerWrappingEventSourceHealthIndicator<?>> sources =
          (Map) controller.getControllerHealthInfo().informerEventSourceHealthIndicators();
      for (var source : sources.entrySet()) {
        for (Map.Entry<String, InformerHealthIndicator> informer :
            source.getValue().informerHealthIndicators().entrySet()) {
          List<String> down = new ArrayList<>();
          if (!informer.getValue().isRunning()) {
            down.add("not running");
          }
          if (!informer.getValue().hasSynced()) {
            down.add("not synced");
          }
          if (!informer.getValue().isWatching()) {
            down.add("not watching");
          }
          if (!down.isEmpty()) {
            problems.add(
                source.getKey() + " (" + informer.getKey() + "): " + String.join(", ", down));
          }
        }
      }
    }
    return problems;
  }

  FooReconciler.Memory memory() {
    return reconciler.memory();
  }

  /**
   * How many Foos the Foo cache holds. Each scrape of /metrics asks: a store of ours counts its
   * entries; listing would restore every cached Foo, tens of thousands of objects, each time.
   */
  long cachedFoos() {
    return fooStore != null
        ? fooStore.size()
        : controller().getEventSourceManager().getControllerEventSource().list(f -> true).count();
  }

  /** How many Pods the Pod cache holds ({@link FooReconciler#cachedPods()}). */
  long cachedPods() {
    return reconciler.cachedPods();
  }

  @SuppressWarnings("unchecked")
  private Controller<Foo> controller() {
    return (Controller<Foo>) operator.getRegisteredController(FooReconciler.NAME).orElseThrow();
  }

  void stop() {
    operator.stop();
  }
}
