package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.InstallMode;
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
import java.util.concurrent.TimeUnit;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundle installs and works in each install mode, with exactly the permissions OLM would grant
 * from its CSV: the test applies what OLM makes from the bundle (the CRD, the ServiceAccount, the
 * CSV's permissions as Roles or ClusterRoles and their bindings, the extra manifests) and runs the
 * operator in this JVM as that ServiceAccount, with the environment OLM's Pod would have. Foos in
 * the watched namespaces become happy when their friend exists, Foos elsewhere are left alone, and
 * the API server answers no request of the operator with 403.
 */
@ExtendWith(ControlPlaneExtension.class)
class BundleInstallIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final GeneratedBundle bundle = GeneratedBundle.read();
  private final List<TestNamespace> namespaces = new ArrayList<>();
  private final List<HasMetadata> clusterObjects = new ArrayList<>();
  private final ForbiddenRecorder recorder = new ForbiddenRecorder();
  private ControlPlane cp;
  private KubernetesClient admin;
  private KubernetesClient operatorClient;
  private FooOperator operator;

  @BeforeEach
  void setUp(ControlPlane cp) {
    this.cp = cp;
    this.admin = cp.adminClient();
    admin.resource(bundle.crd()).forceConflicts().serverSideApply();
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(bundle.crd().getMetadata().getName())
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            k -> "Established".equals(k.getType()) && "True".equals(k.getStatus())),
            30,
            TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    if (operator != null) {
      operator.close();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
    clusterObjects.forEach(o -> admin.resource(o).delete());
    namespaces.forEach(TestNamespace::close);
  }

  @Test
  void ownNamespace_watchesTheOperatorsNamespace_andNoOther() {
    String ops = namespace("olm-own");
    String outside = namespace("olm-out");

    OlmSimulation olm = install(ops, List.of(ops));

    assertThat(olm.installMode()).isEqualTo("OwnNamespace");
    assertFoosFollowTheirFriends(List.of(ops), List.of(outside));
    assertWorkedWithinItsPermissions(olm);
  }

  @Test
  void singleNamespace_watchesTheTarget_andNotTheOperatorsOwnNamespace() {
    String ops = namespace("olm-ops");
    String target = namespace("olm-one");
    String outside = namespace("olm-out");

    OlmSimulation olm = install(ops, List.of(target));

    assertThat(olm.installMode()).isEqualTo("SingleNamespace");
    assertFoosFollowTheirFriends(List.of(target), List.of(ops, outside));
    assertWorkedWithinItsPermissions(olm);
  }

  @Test
  void multiNamespace_watchesEachTarget_andNoOther() {
    String ops = namespace("olm-ops");
    String first = namespace("olm-a");
    String second = namespace("olm-b");
    String outside = namespace("olm-out");

    OlmSimulation olm = install(ops, List.of(first, second));

    assertThat(olm.installMode()).isEqualTo("MultiNamespace");
    assertFoosFollowTheirFriends(List.of(first, second), List.of(ops, outside));
    assertWorkedWithinItsPermissions(olm);
  }

  @Test
  void allNamespaces_watchesEveryNamespace() {
    String ops = namespace("olm-ops");
    String first = namespace("olm-a");
    String second = namespace("olm-b");

    OlmSimulation olm = install(ops, List.of());

    assertThat(olm.installMode()).isEqualTo("AllNamespaces");
    assertFoosFollowTheirFriends(List.of(ops, first, second), List.of());
    assertWorkedWithinItsPermissions(olm);
  }

  /**
   * Applies what OLM makes from the bundle for this OperatorGroup and starts the operator as OLM's
   * Pod would run.
   */
  private OlmSimulation install(String operatorNamespace, List<String> targets) {
    OlmSimulation olm = new OlmSimulation(bundle.csv(), operatorNamespace, targets);
    assertThat(bundle.csv().getSpec().getInstallModes())
        .as("the CSV supports %s", olm.installMode())
        .anySatisfy(
            m -> {
              assertThat(m.getType()).isEqualTo(olm.installMode());
              assertThat(m.getSupported()).isTrue();
            })
        .extracting(InstallMode::getType)
        .doesNotHaveDuplicates();
    olm.namespacedObjects().forEach(o -> admin.resource(o).create());
    for (HasMetadata o : olm.clusterObjects()) {
      clusterObjects.add(o);
      admin.resource(o).create();
    }
    for (HasMetadata extra : bundle.others()) {
      HasMetadata copy = Serialization.clone(extra);
      copy.getMetadata().setNamespace(operatorNamespace);
      admin.resource(copy).create();
    }

    Map<String, String> env =
        new HashMap<>(
            olm.env(
                bundle.csv().getSpec().getInstall().getSpec().getDeployments().get(0).getName()
                    + "-7d4b9c-x2x9z"));
    // In-process the pod's fixed ports would collide with other tests: pick free ones.
    env.put(OperatorSettings.HEALTH_PORT, "0");
    env.put(OperatorSettings.METRICS_PORT, "0");
    operatorClient = clientAs(operatorNamespace, olm.serviceAccount());
    operator =
        FooOperator.start(
            OperatorSettings.fromEnvironment(env), operatorClient, Clock.systemUTC(), () -> {});
    // With leader election, start returns once the operator joined the election; it reconciles
    // (and its caches sync) once it leads. Wait for that, as a Pod's readiness would.
    await().atMost(PATIENCE).until(operator::isLeader);
    return olm;
  }

  /** The CSV's ServiceAccount, impersonated, with every 403 answer recorded. */
  private KubernetesClient clientAs(String namespace, String serviceAccount) {
    Config config = cp.adminConfig();
    config.setImpersonateUsername("system:serviceaccount:" + namespace + ":" + serviceAccount);
    config.setImpersonateGroups(
        "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
    config.setNamespace(namespace);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(
            b -> b.addOrReplaceInterceptor("forbidden-recorder", recorder))
        .build();
  }

  private void assertFoosFollowTheirFriends(List<String> watched, List<String> unwatched) {
    List<String> all = new ArrayList<>(watched);
    all.addAll(unwatched);
    for (String ns : all) {
      admin.resource(TestPods.pod(ns, "jack")).create();
      admin.resource(sampleFoo(ns)).create();
      admin.resource(Foo.of(ns, "lonely", "nobody-here")).create();
    }
    for (String ns : watched) {
      await().atMost(PATIENCE).until(() -> happy(ns, "foo-01"), Boolean.TRUE::equals);
      await().atMost(PATIENCE).until(() -> happy(ns, "lonely"), Boolean.FALSE::equals);
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  admin.v1().events().inNamespace(ns).list().getItems().stream()
                      .anyMatch(e -> "FriendFound".equals(e.getReason())));
    }
    // The watched Foos are reconciled, so the operator is running: the others must stay untouched.
    for (String ns : unwatched) {
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> status(ns, "foo-01") == null && status(ns, "lonely") == null);
    }
  }

  private void assertWorkedWithinItsPermissions(OlmSimulation olm) {
    await().atMost(PATIENCE).until(operator::isLeader);
    assertThat(admin.leases().inNamespace(olm.operatorNamespace()).list().getItems())
        .as("the leader Lease is in the operator's namespace")
        .isNotEmpty();
    await().atMost(PATIENCE).until(() -> readyz(operator.healthPort()), code -> code == 200);
    assertThat(recorder.forbidden()).as("requests the API server forbade").isEmpty();
  }

  /**
   * The first of the CSV's alm-examples, the way a user creates it from the console, in {@code ns}.
   */
  private GenericKubernetesResource sampleFoo(String ns) {
    List<GenericKubernetesResource> examples =
        Serialization.unmarshal(
            new java.io.ByteArrayInputStream(
                bundle
                    .csv()
                    .getMetadata()
                    .getAnnotations()
                    .get("alm-examples")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new com.fasterxml.jackson.core.type.TypeReference<
                List<GenericKubernetesResource>>() {});
    GenericKubernetesResource foo = examples.get(0);
    foo.getMetadata().setNamespace(ns);
    assertThat(foo.getMetadata().getName()).isEqualTo("foo-01");
    assertThat(foo.get("spec", "name").toString()).isEqualTo("jack");
    return foo;
  }

  private Boolean happy(String ns, String name) {
    var status = status(ns, name);
    return status == null ? null : status.getHappy();
  }

  private my.domain.tutorial.api.v1.FooStatus status(String ns, String name) {
    Foo foo = admin.resources(Foo.class).inNamespace(ns).withName(name).get();
    return foo == null ? null : foo.getStatus();
  }

  private String namespace(String prefix) {
    TestNamespace ns = TestNamespace.create(admin, prefix);
    namespaces.add(ns);
    return ns.name();
  }

  private static int readyz(int port) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
