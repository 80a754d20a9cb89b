package my.domain.tutorial.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import my.domain.tutorial.operator.election.ElectionClients;
import my.domain.tutorial.operator.election.LeaderElection;
import my.domain.tutorial.operator.election.LeaseFence;
import my.domain.tutorial.operator.runtime.ApiServerReviews;
import my.domain.tutorial.operator.runtime.HeapWatch;
import my.domain.tutorial.operator.runtime.HttpEndpoints;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import my.domain.tutorial.operator.runtime.InvalidSettingsException;
import my.domain.tutorial.operator.runtime.LogSetup;
import my.domain.tutorial.operator.runtime.MemorySizing;
import my.domain.tutorial.operator.runtime.MetricsAccess;
import my.domain.tutorial.operator.runtime.OperatorMetrics;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.operator.runtime.PodMetadataReads;
import my.domain.tutorial.operator.runtime.ServingCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: settings in, one client, reconciling (a {@link ReconcilingTerm}) while this
 * replica may write, and the probe and metrics endpoints around it. With leader election on, a
 * {@link LeaderElection} decides when a term starts and ends, and a {@link LeaseFence} keeps every
 * write inside this replica's confirmed tenure of the Lease. {@link #main} is the container entry
 * point; {@code make run} and the tests start instances in-process with {@link #start}, and see
 * what a cluster's user sees: the API server, the probes and {@code /metrics} (whose ports {@link
 * #healthPort} and {@link #metricsPort} give when the settings asked for free ones).
 */
public final class FooOperator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FooOperator.class);

  private final LeadershipTerms terms;
  private final LeaderElection election;
  private final HttpEndpoints health;
  private final HttpEndpoints metrics;
  private final AtomicBoolean closing;
  private final Optional<HeapWatch> heapWatch;

  private FooOperator(
      LeadershipTerms terms,
      LeaderElection election,
      HttpEndpoints health,
      HttpEndpoints metrics,
      AtomicBoolean closing,
      Optional<HeapWatch> heapWatch) {
    this.heapWatch = heapWatch;
    this.terms = terms;
    this.election = election;
    this.health = health;
    this.metrics = metrics;
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
    KubernetesClient client = clientBuilder().build();
    try {
      FooOperator running =
          start(
              settings,
              client,
              Clock.systemUTC(),
              // A control-plane outage must not crash-loop the Deployment: stay up as a standby.
              () ->
                  log.warn(
                      "lost leadership of Lease {}; standing by and campaigning again",
                      settings.leaseName()));
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
   * A builder of the client to start the operator with, as {@link #main} builds it: its reads of
   * Pods bring metadata only ({@link PodMetadataReads}). Any other client works too, reading whole
   * Pods.
   */
  public static KubernetesClientBuilder clientBuilder() {
    return clientBuilder(http -> {});
  }

  /**
   * As {@link #clientBuilder()}, with {@code http} adding to its HTTP client (say interceptors).
   */
  public static KubernetesClientBuilder clientBuilder(Consumer<HttpClient.Builder> http) {
    return PodMetadataReads.builder(new ObjectMapper(), http);
  }

  /**
   * Starts the operator. Without leader election it blocks until its caches are synced; with it, it
   * returns once it joined the election, and reconciles only while it leads. {@code
   * onLeadershipLost} runs each time this instance steps down from the Lease while running (it then
   * stands by and campaigns again); it does not run on {@link #close}.
   */
  public static FooOperator start(
      OperatorSettings settings, KubernetesClient client, Clock clock, Runnable onLeadershipLost) {
    return start(settings, client, clock, onLeadershipLost, Optional.empty());
  }

  /**
   * As {@link #start(OperatorSettings, KubernetesClient, Clock, Runnable)}, but an informer that
   * stops on an error (say its watch is forbidden) is handed to {@code informerStopped} instead of
   * ending the process, as the SDK's own handler does: an operator run in-process by a test must
   * not take the test's JVM down with it.
   */
  public static FooOperator start(
      OperatorSettings settings,
      KubernetesClient client,
      Clock clock,
      Runnable onLeadershipLost,
      Optional<InformerStoppedHandler> informerStopped) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics meters = new OperatorMetrics(registry);
    AtomicBoolean closing = new AtomicBoolean();
    String leaseNamespace = settings.operatorNamespace().orElseGet(() -> namespaceOf(client));
    LeaseFence fence =
        settings.leaderElection()
            ? LeaseFence.forLease(settings.renewDeadline(), System::nanoTime, meters)
            : LeaseFence.alwaysOpen(meters);
    KubernetesClient writer =
        settings.leaderElection() ? ElectionClients.forWrites(client) : client;
    LeadershipTerms terms =
        new LeadershipTerms(
            () ->
                ReconcilingTerm.start(
                    settings, client, writer, clock, registry, meters, fence, informerStopped),
            fence,
            () -> {
              if (!closing.get()) {
                onLeadershipLost.run();
              }
            });

    meters.cachedObjects("Foo", () -> terms.current().map(ReconcilingTerm::cachedFoos).orElse(0L));
    meters.cachedObjects("Pod", () -> terms.current().map(ReconcilingTerm::cachedPods).orElse(0L));
    TermMetrics.bind(registry, terms);
    Optional<HeapWatch> heapWatch =
        HeapWatch.start(
            HeapWatch.DEFAULT_SHARE,
            () ->
                terms
                    .current()
                    .map(t -> MemorySizing.cached(t.cachedFoos(), t.cachedPods()))
                    .orElse("nothing (standby)"),
            log::warn);
    if (heapWatch.isEmpty()) {
      log.info("this JVM reports no old-generation usage after GC: no early heap warning");
    }

    // As kubebuilder v4 serves it: HTTPS, for authenticated clients allowed to get /metrics.
    HttpEndpoints.Builder metricsServer =
        settings.metricsSecure()
            ? HttpEndpoints.onHttps(
                    settings.metricsPort(), ServingCertificate.tls(settings.metricsCertDir()))
                .guardedBy(new MetricsAccess(new ApiServerReviews(client)))
            : HttpEndpoints.on(settings.metricsPort());
    HttpEndpoints metrics =
        metricsServer
            .get(
                "/metrics",
                () -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
            .start();
    HttpEndpoints health =
        HttpEndpoints.on(settings.healthPort())
            .get(
                "/healthz",
                () -> closing.get() ? Reply.text(503, "shutting down\n") : Reply.text(200, "ok\n"))
            .get("/readyz", () -> readiness(terms, settings, closing))
            .start();

    LeaderElection election = null;
    if (settings.leaderElection()) {
      Duration timeout =
          LeaderElection.requestTimeout(settings.renewDeadline(), settings.retryPeriod());
      election =
          new LeaderElection(
              ElectionClients.forElector(client, timeout),
              new LeaderElection.LeaseSettings(
                  leaseNamespace,
                  settings.leaseName(),
                  settings.identity(),
                  settings.leaseDuration(),
                  settings.renewDeadline(),
                  settings.retryPeriod()),
              fence,
              terms,
              System::nanoTime);
    }
    FooOperator running = new FooOperator(terms, election, health, metrics, closing, heapWatch);
    log.info(
        "starting: watching {}, leader election {}, health on :{}, metrics on :{} ({})",
        settings.watchesAllNamespaces()
            ? "all namespaces"
            : "namespaces " + settings.watchedNamespaces(),
        settings.leaderElection()
            ? "on (Lease " + leaseNamespace + "/" + settings.leaseName() + ")"
            : "off",
        health.port(),
        metrics.port(),
        settings.metricsSecure()
            ? "https, authenticated"
                + settings
                    .metricsCertDir()
                    .map(d -> ", certificate from " + d)
                    .orElse(", self-signed")
            : "http");
    try {
      if (election != null) {
        election.start();
      } else {
        terms.startLeading();
      }
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  private static Reply readiness(
      LeadershipTerms terms, OperatorSettings settings, AtomicBoolean closing) {
    Optional<ReconcilingTerm> term = terms.current();
    boolean reconciling = term.isPresent() && terms.mayWrite();
    return new Readiness(
            closing.get(),
            settings.leaderElection(),
            settings.leaseName(),
            reconciling,
            term.isPresent() ? Optional.empty() : terms.startFailure(),
            reconciling && term.get().started(),
            reconciling ? term.get().informerProblems() : List.of())
        .reply();
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

  /**
   * Stops reconciling, releases the Lease if held (so a standby takes over at its next try), and
   * closes the endpoints. Idempotent.
   */
  @Override
  public void close() {
    if (closing.getAndSet(true)) {
      return;
    }
    log.info("stopping");
    try {
      if (election != null) {
        election.close();
      }
      terms.stopLeading();
    } finally {
      heapWatch.ifPresent(HeapWatch::close);
      health.close();
      metrics.close();
    }
    log.info("stopped");
  }
}
