package my.domain.tutorial.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator's unit tests' cluster: fabric8's mock API server in CRUD mode, fresh for each test,
 * holding the generated Foo CRD (the mock server enforces the status subresource only once it knows
 * the CRD) and the test's namespaces, and the operator started on it in-process. A test reads what
 * a user of a cluster would: the objects through {@link #admin}, the probes and {@code /metrics}.
 * Register it with {@code @RegisterExtension}; it stops the operators it started and the server
 * after each test.
 */
public final class MockCluster implements BeforeEachCallback, AfterEachCallback {
  /** How long a test waits for the operator to act on a change. */
  public static final Duration PATIENCE = Duration.ofSeconds(15);

  private final List<String> namespaces;
  private final List<AutoCloseable> started = new ArrayList<>();
  private KubernetesMockServer server;
  private KubernetesClient admin;

  private MockCluster(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  /** A cluster with these namespaces (and the Foo CRD) in it. */
  public static MockCluster withNamespaces(String... namespaces) {
    return new MockCluster(List.of(namespaces));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    admin = server.createClient();
    admin.resource(crd()).create();
    for (String ns : namespaces) {
      admin
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      // The operators before their clients.
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).close();
      }
    } finally {
      started.clear();
      admin.close();
      destroyServer(context);
    }
  }

  /**
   * Stops the mock server. Its Vert.x close is bounded by 10 s and failed once on a loaded CI
   * machine after every assertion of the test had passed; that says nothing of the operator, so it
   * is reported with its cause instead of failing the test.
   */
  private void destroyServer(ExtensionContext context) {
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      System.err.println(
          "[MockCluster] the mock API server did not stop cleanly after "
              + context.getDisplayName()
              + ": "
              + e);
      e.printStackTrace();
    }
  }

  /** The server, for expectations that answer one request otherwise than CRUD mode would. */
  public KubernetesMockServer server() {
    return server;
  }

  /** A client of the cluster's admin: what the test writes and reads. */
  public KubernetesClient admin() {
    return admin;
  }

  /**
   * The operator with its probes and metrics on free ports, {@code /metrics} over plain HTTP (the
   * mock server answers no TokenReview; secure metrics are proven on kube-apiserver by
   * SecureMetricsIT), and otherwise the defaults.
   */
  public FooOperator startOperator() {
    return startOperator(Map.of(), b -> {});
  }

  /**
   * As {@link #startOperator()} with {@code env} on top of those settings, on a client of its own
   * that {@code client} may finish (an interceptor, a serialization); both are closed after the
   * test.
   */
  public FooOperator startOperator(
      Map<String, String> env, Consumer<KubernetesClientBuilder> client) {
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                OperatorSettings.HEALTH_PORT, "0",
                OperatorSettings.METRICS_PORT, "0",
                OperatorSettings.METRICS_SECURE, "false"));
    settings.putAll(env);
    KubernetesClientBuilder builder =
        new KubernetesClientBuilder().withConfig(admin.getConfiguration());
    client.accept(builder);
    KubernetesClient operatorClient = builder.build();
    started.add(operatorClient);
    FooOperator operator =
        FooOperator.start(
            OperatorSettings.fromEnvironment(settings),
            operatorClient,
            Clock.systemUTC(),
            () -> {});
    started.add(operator);
    return operator;
  }

  /** Creates a Pod {@code name} in {@code namespace}, held by {@code finalizers} if any. */
  public void createPod(String namespace, String name, String... finalizers) {
    admin.resource(pod(namespace, name, finalizers)).create();
  }

  /** A Pod of one busybox container, as a user would create it, held by {@code finalizers}. */
  public static Pod pod(String namespace, String name, String... finalizers) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .endContainer()
            .endSpec();
    if (finalizers.length > 0) {
      pod.editMetadata().withFinalizers(finalizers).endMetadata();
    }
    return pod.build();
  }

  /**
   * A Pod as the API server holds a running one: identity, labels, a large annotation and a status,
   * most of which a cache must not keep.
   */
  public static Pod runningPod(String namespace, String name, String uid, String resourceVersion) {
    return new PodBuilder(pod(namespace, name))
        .editMetadata()
        .withUid(uid)
        .withResourceVersion(resourceVersion)
        .withLabels(Map.of("app", name))
        .withAnnotations(Map.of("note", "x".repeat(1000)))
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .endStatus()
        .build();
  }

  /** {@code pod} once its deletion has started (within its grace period). */
  public static Pod terminating(Pod pod) {
    return new PodBuilder(pod)
        .editMetadata()
        .withDeletionTimestamp("2026-01-01T00:00:00Z")
        .endMetadata()
        .build();
  }

  /**
   * {@code pod} deleted with no grace period left but held by a finalizer: the API server keeps it
   * until the finalizer goes.
   */
  public static Pod heldAfterForceDelete(Pod pod) {
    return new PodBuilder(terminating(pod))
        .editMetadata()
        .withFinalizers("example.com/hold")
        .withDeletionGracePeriodSeconds(0L)
        .endMetadata()
        .build();
  }

  /** Has the Foo name {@code friend} instead (a spec edit, so a new generation); returns it. */
  public Foo renameFriend(String namespace, String name, String friend) {
    return admin
        .resources(Foo.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            f -> {
              f.getSpec().setName(friend);
              return f;
            });
  }

  /** The Foo as stored, or null. */
  public Foo foo(String namespace, String name) {
    return admin.resources(Foo.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the Foo's status says {@code happy}, and returns it. */
  public Foo awaitHappy(String namespace, String name, boolean happy) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> foo(namespace, name),
            f ->
                f != null
                    && f.getStatus() != null
                    && Boolean.valueOf(happy).equals(f.getStatus().getHappy()));
  }

  /** Whether {@code operator} says on {@code /metrics} that it leads. */
  public static boolean leads(FooOperator operator) throws Exception {
    return metric(operator, "foo_operator_leading") == 1.0;
  }

  /** GET on one of the operator's plain-HTTP endpoints. */
  public static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The sum of a metric's series whose labels contain {@code labels} (all of them without); a
   * failed scrape or a missing series fails the test instead of reading 0.
   */
  public static double metric(FooOperator operator, String name, String... labels)
      throws Exception {
    HttpResponse<String> scrape = get(operator.metricsPort(), "/metrics");
    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    double[] samples =
        scrape
            .body()
            .lines()
            .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
            .filter(l -> List.of(labels).stream().allMatch(l::contains))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .toArray();
    assertThat(samples).as("series " + name + " " + List.of(labels)).isNotEmpty();
    double sum = 0;
    for (double sample : samples) {
      sum += sample;
    }
    return sum;
  }

  private static CustomResourceDefinition crd() {
    try (InputStream in = Foo.class.getResourceAsStream("/" + FooCrd.RESOURCE)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
