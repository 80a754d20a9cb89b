package my.domain.tutorial.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import my.domain.tutorial.operator.events.FriendshipEvents;
import my.domain.tutorial.operator.reconciler.FooCache;
import my.domain.tutorial.operator.reconciler.FooReconciler;
import my.domain.tutorial.operator.runtime.HttpEndpoints;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import my.domain.tutorial.operator.runtime.InvalidSettingsException;
import my.domain.tutorial.operator.runtime.LogSetup;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: settings in, one client, the SDK operator with the Foo reconciler, and the
 * probe and metrics endpoints around it. {@link #main} is the container entry point; tests start
 * instances in-process with {@link #start}.
 */
public final class FooOperator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FooOperator.class);

  private final Operator operator;
  private final HttpEndpoints health;
  private final HttpEndpoints metrics;
  private final AtomicBoolean leading;
  private final AtomicBoolean closing;
  private final OperatorSettings settings;
  private final FooReconciler reconciler;

  private FooOperator(
      OperatorSettings settings,
      Operator operator,
      FooReconciler reconciler,
      HttpEndpoints health,
      HttpEndpoints metrics,
      AtomicBoolean leading,
      AtomicBoolean closing) {
    this.settings = settings;
    this.reconciler = reconciler;
    this.operator = operator;
    this.health = health;
    this.metrics = metrics;
    this.leading = leading;
    this.closing = closing;
  }

  public static void main(String[] args) {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnvironment(System.getenv());
    } catch (InvalidSettingsException e) {
      System.err.println("foo-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogSetup.apply(settings.logFormat(), settings.logLevel());
    KubernetesClient client = new KubernetesClientBuilder().build();
    try {
      FooOperator running =
          start(
              settings,
              client,
              Clock.systemUTC(),
              () -> {
                // A leader that lost its Lease may hold stale state; a fresh process is the safe
                // standby.
                log.error(
                    "lost leadership of Lease {}; exiting so the Pod restarts as a standby",
                    settings.leaseName());
                new Thread(() -> System.exit(1), "exit-on-lost-lease").start();
              });
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    running.close();
                    client.close();
                  },
                  "shutdown"));
    } catch (RuntimeException e) {
      log.error("foo-operator failed to start: {}", e.getMessage(), e);
      client.close();
      System.exit(1);
    }
  }

  /**
   * Starts the operator and blocks until its caches are synced (or, with leader election, until it
   * joined the election). {@code onLeadershipLost} runs if this instance loses its Lease while
   * running; it does not run on {@link #close}.
   */
  public static FooOperator start(
      OperatorSettings settings, KubernetesClient client, Clock clock, Runnable onLeadershipLost) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics meters = new OperatorMetrics(registry);
    AtomicBoolean leading = new AtomicBoolean(!settings.leaderElection());
    AtomicBoolean closing = new AtomicBoolean();
    String leaseNamespace = settings.operatorNamespace().orElseGet(() -> namespaceOf(client));

    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  // One writer owns Foo status, so a JSON merge patch (guarded by resourceVersion)
                  // is enough,
                  // and it behaves the same on every API server and on fabric8's mock server.
                  .withUseSSAToPatchPrimaryResource(false)
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                  .withReconciliationTerminationTimeout(Duration.ofSeconds(10));
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            settings.leaseName())
                        .withLeaseNamespace(leaseNamespace)
                        .withIdentity(settings.identity())
                        .withLeaseDuration(settings.leaseDuration())
                        .withRenewDeadline(settings.renewDeadline())
                        .withRetryPeriod(settings.retryPeriod())
                        .withExitOnStopLeading(false)
                        .withLeaderCallbacks(
                            new LeaderCallbacks(
                                () -> {
                                  leading.set(true);
                                  log.info(
                                      "{} became leader of Lease {}/{}",
                                      settings.identity(),
                                      leaseNamespace,
                                      settings.leaseName());
                                },
                                () -> {
                                  leading.set(false);
                                  if (!closing.get()) {
                                    onLeadershipLost.run();
                                  }
                                },
                                leader ->
                                    log.info(
                                        "Lease {}/{} is held by {}",
                                        leaseNamespace,
                                        settings.leaseName(),
                                        leader)))
                        .build());
              }
            });

    FriendshipEvents events = new FriendshipEvents(client, settings.identity(), clock, meters);
    FooReconciler reconciler = new FooReconciler(events, clock, meters);
    operator.register(
        reconciler,
        c -> {
          c.withName(FooReconciler.NAME);
          c.withItemStore(new TransformingItemStore<>(FooCache.SLIM));
          // Events drive everything; the periodic check is a safety net should one ever be missed.
          c.withReconciliationMaxInterval(
              settings.resyncPeriod().isZero() ? null : settings.resyncPeriod());
          if (settings.watchesAllNamespaces()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchedNamespaces());
          }
        });

    HttpEndpoints metrics =
        HttpEndpoints.on(settings.metricsPort())
            .get(
                "/metrics",
                () -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
            .start();
    HttpEndpoints health =
        HttpEndpoints.on(settings.healthPort())
            .get(
                "/healthz",
                () -> closing.get() ? Reply.text(503, "shutting down\n") : Reply.text(200, "ok\n"))
            .get("/readyz", () -> readiness(operator, settings, leading, closing))
            .start();

    FooOperator running =
        new FooOperator(settings, operator, reconciler, health, metrics, leading, closing);
    log.info(
        "starting: watching {}, leader election {}, health on :{}, metrics on :{}",
        settings.watchesAllNamespaces()
            ? "all namespaces"
            : "namespaces " + settings.watchedNamespaces(),
        settings.leaderElection()
            ? "on (Lease " + leaseNamespace + "/" + settings.leaseName() + ")"
            : "off",
        health.port(),
        metrics.port());
    try {
      operator.start();
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  private static Reply readiness(
      Operator operator, OperatorSettings settings, AtomicBoolean leading, AtomicBoolean closing) {
    if (closing.get()) {
      return Reply.text(503, "shutting down\n");
    }
    var info = operator.getRuntimeInfo();
    if (!info.isStarted()) {
      return Reply.text(503, "starting\n");
    }
    if (settings.leaderElection() && !leading.get()) {
      return Reply.text(200, "ok: standby, waiting for Lease " + settings.leaseName() + "\n");
    }
    if (!info.allEventSourcesAreHealthy()) {
      return Reply.text(503, "informers unhealthy: " + info.unhealthyEventSources() + "\n");
    }
    return Reply.text(200, "ok\n");
  }

  private static String namespaceOf(KubernetesClient client) {
    String ns = client.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  public int healthPort() {
    return health.port();
  }

  public int metricsPort() {
    return metrics.port();
  }

  public boolean isLeader() {
    return leading.get();
  }

  public String identity() {
    return settings.identity();
  }

  /** What the reconciler holds per Foo; it must follow the live Foos, not every Foo ever seen. */
  public FooReconciler.Memory memory() {
    return reconciler.memory();
  }

  /** Stops reconciling, releases the Lease if held, and closes the endpoints. Idempotent. */
  @Override
  public void close() {
    if (closing.getAndSet(true)) {
      return;
    }
    log.info("stopping");
    try {
      operator.stop();
    } finally {
      health.close();
      metrics.close();
    }
    log.info("stopped");
  }
}
