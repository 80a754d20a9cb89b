package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator as a cluster runs it, but in this JVM: installed from its own manifests (the CRD
 * from the api jar, the ServiceAccount and RBAC from the operator jar), and running with exactly
 * those permissions by impersonating its ServiceAccount.
 */
public final class OperatorUnderTest implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorUnderTest.class);
  public static final String NAMESPACE = OperatorDefaults.NAMESPACE;
  public static final String SERVICE_ACCOUNT = OperatorDefaults.SERVICE_ACCOUNT;

  /**
   * The manifests that make up the operator's identity and permissions (the Deployment runs
   * elsewhere).
   */
  public static final List<String> RBAC_MANIFESTS =
      List.of(
          "namespace.yaml",
          "service_account.yaml",
          "cluster_role.yaml",
          "cluster_role_binding.yaml",
          "leader_election_role.yaml",
          "leader_election_role_binding.yaml",
          MetricsScraper.READER_ROLE_MANIFEST);

  private final FooOperator operator;
  private final OperatorSettings settings;
  private final KubernetesClient client;
  private final AtomicInteger leadershipLost;
  private final WriteLog writeLog;
  private final Optional<String> scrapeToken;

  private OperatorUnderTest(
      FooOperator operator,
      OperatorSettings settings,
      KubernetesClient client,
      AtomicInteger leadershipLost,
      WriteLog writeLog,
      Optional<String> scrapeToken) {
    this.operator = operator;
    this.settings = settings;
    this.client = client;
    this.leadershipLost = leadershipLost;
    this.writeLog = writeLog;
    this.scrapeToken = scrapeToken;
  }

  /** Applies the generated CRD and waits until the API server serves it. Idempotent. */
  public static void installCrd(KubernetesClient admin) {
    ClusterResources.installCrd(admin, FooCrd.RESOURCE);
  }

  /**
   * Applies the generated CRD as releases before {@code spec} was required shipped it, so a test
   * can store the Foo without spec that such a release let in; {@link #installCrd} puts the real
   * one back.
   */
  public static void installCrdNotRequiringSpec(KubernetesClient admin) {
    CustomResourceDefinition crd =
        ClusterResources.load(FooCrd.RESOURCE, CustomResourceDefinition.class);
    crd.getSpec()
        .getVersions()
        .forEach(v -> v.getSchema().getOpenAPIV3Schema().setRequired(List.of()));
    ClusterResources.installCrd(admin, crd);
  }

  /** Applies the operator's Namespace, ServiceAccount and RBAC exactly as shipped. Idempotent. */
  public static void installRbac(KubernetesClient admin) {
    for (String name : RBAC_MANIFESTS) {
      admin
          .resource(ClusterResources.load(OperatorDefaults.MANIFESTS + name, HasMetadata.class))
          .forceConflicts()
          .serverSideApply();
    }
  }

  /**
   * Installs CRD and RBAC, then starts the operator as its ServiceAccount with the given settings.
   */
  public static OperatorUnderTest start(ControlPlane cp, Map<String, String> env) {
    return start(cp, env, new Interceptor() {});
  }

  /**
   * As {@link #start(ControlPlane, Map)}, with {@code observer} on the operator's HTTP client: it
   * sees every request the operator sends and every answer, and may act before a request leaves.
   */
  public static OperatorUnderTest start(
      ControlPlane cp, Map<String, String> env, Interceptor observer) {
    installCrd(cp.adminClient());
    installRbac(cp.adminClient());
    return start(cp, SERVICE_ACCOUNT, env, true, observer);
  }

  /**
   * Starts the operator as {@code serviceAccount} (in {@link #NAMESPACE}) with only what the caller
   * granted it: no RBAC is installed or granted here, so a test can run it with a chosen subset.
   */
  public static OperatorUnderTest startAs(
      ControlPlane cp, String serviceAccount, Map<String, String> env) {
    installCrd(cp.adminClient());
    return start(cp, serviceAccount, env, false, new Interceptor() {});
  }

  private static OperatorUnderTest start(
      ControlPlane cp,
      String serviceAccount,
      Map<String, String> env,
      boolean grantLease,
      Interceptor observer) {
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                OperatorSettings.HEALTH_PORT, "0",
                OperatorSettings.METRICS_PORT, "0",
                // Plain unless a test asks for HTTPS with authentication (OperatorScenario,
                // SecureMetricsIT): most tests scrape often, and some while the API server that
                // would review each scrape is down.
                OperatorSettings.METRICS_SECURE, "false",
                OperatorSettings.OPERATOR_NAMESPACE, NAMESPACE));
    settings.putAll(env);
    OperatorSettings parsed = OperatorSettings.fromEnvironment(settings);
    if (grantLease
        && parsed.leaderElection()
        && !parsed.leaseName().equals(OperatorDefaults.LEASE_NAME)) {
      grantLease(cp.adminClient(), parsed.leaseName());
    }
    Optional<String> scrapeToken =
        parsed.metricsSecure()
            ? Optional.of(MetricsScraper.readerToken(cp.adminClient()))
            : Optional.empty();
    WriteLog writeLog = new WriteLog(parsed.identity(), System::nanoTime);
    KubernetesClient client =
        FooOperator.clientBuilder(
                b ->
                    b.addOrReplaceInterceptor("write-log", writeLog)
                        .addOrReplaceInterceptor("observer", observer))
            .withConfig(cp.clients().configAs(NAMESPACE, serviceAccount))
            .build();
    AtomicInteger lost = new AtomicInteger();
    try {
      FooOperator operator =
          FooOperator.start(
              parsed,
              client,
              Clock.systemUTC(),
              lost::incrementAndGet,
              Optional.of(
                  (informer, error) ->
                      log.error(
                          "informer {} stopped; the operator reconciles no more",
                          informer.getApiTypeClass().getSimpleName(),
                          error)));
      return new OperatorUnderTest(operator, parsed, client, lost, writeLog, scrapeToken);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * The shipped Role reads and renews only the Lease named {@link OperatorDefaults#LEASE_NAME};
   * tests that give each case a Lease of its own (so that no case inherits another's holder) grant
   * the same two verbs on that name, as an operator deployed with {@code FOO_LEASE_NAME} would
   * need.
   */
  private static void grantLease(KubernetesClient admin, String leaseName) {
    String name = "foo-operator-test-lease-" + leaseName;
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addNewRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withResourceNames(leaseName)
                .withVerbs("get", "patch")
                .endRule()
                .build())
        .forceConflicts()
        .serverSideApply();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(name)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(SERVICE_ACCOUNT)
                .withNamespace(NAMESPACE)
                .endSubject()
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  public static OperatorUnderTest start(ControlPlane cp) {
    return start(cp, Map.of());
  }

  public FooOperator operator() {
    return operator;
  }

  /** The identity it was started with: the holder it writes into the Lease when it leads. */
  public String identity() {
    return settings.identity();
  }

  /**
   * Whether it says on {@code /metrics} that it leads: it reconciles and may write (with leader
   * election, it holds a renewal of the Lease younger than the renew deadline). A failed scrape
   * throws.
   */
  public boolean leads() {
    return OperatorEndpoints.leads(operator, settings.metricsSecure(), scrapeToken);
  }

  /** The Foo and Event writes this instance's client sent, in order. */
  public List<WriteLog.Write> writes() {
    return writeLog.writes();
  }

  public int timesLeadershipLost() {
    return leadershipLost.get();
  }

  /**
   * GET on one of the operator's endpoints: {@code (status, body)}; {@code /metrics} with the token
   * of a client allowed to read it when the operator serves it securely.
   */
  public OperatorEndpoints.Probe probe(String path) {
    return OperatorEndpoints.probe(operator, settings.metricsSecure(), path, scrapeToken);
  }

  /** GET on one of the operator's endpoints with {@code token}, or none if empty. */
  public OperatorEndpoints.Probe probe(String path, Optional<String> token) {
    return OperatorEndpoints.probe(operator, settings.metricsSecure(), path, token);
  }

  /**
   * The sum of a Prometheus metric's samples (all label sets); a failed scrape or a missing series
   * throws.
   */
  public double metric(String name) {
    return OperatorEndpoints.metric(operator, settings.metricsSecure(), name, scrapeToken);
  }

  /** The operator's whole {@code /metrics} exposition; anything but a 200 throws. */
  public String metrics() {
    return OperatorEndpoints.metrics(operator, settings.metricsSecure(), scrapeToken);
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      client.close();
    }
  }
}
