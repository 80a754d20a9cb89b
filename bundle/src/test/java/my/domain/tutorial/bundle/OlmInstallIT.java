package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.bundle.catalog.CatalogBundle;
import my.domain.tutorial.bundle.catalog.FileBasedCatalog;
import my.domain.tutorial.bundle.catalog.Opm;
import my.domain.tutorial.controlplane.olm.CatalogServer;
import my.domain.tutorial.testsupport.OlmCluster;
import my.domain.tutorial.testsupport.OlmExtension;
import my.domain.tutorial.testsupport.OlmInstalledOperator;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundle the build wrote, installed by Operator Lifecycle Manager itself: a file-based catalog
 * made from it with opm, served by {@code opm serve}, subscribed to in each install mode. OLM
 * resolves it, runs the InstallPlan, creates the CRD, ServiceAccount, RBAC, Service and Deployment;
 * kube-controller-manager, kube-scheduler and kwok turn the Deployment into a Ready Pod, and the
 * CSV reaches Succeeded. The operator then runs (in this JVM) as that Pod would: its environment, a
 * token of its ServiceAccount, the RBAC OLM generated, and nothing else.
 */
@ExtendWith(OlmExtension.class)
class OlmInstallIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String CATALOG = "foo-catalog";
  private static final String PACKAGE = "foo-operator";

  private static CatalogServer catalog;
  private static GeneratedBundle bundle;

  private final List<TestNamespace> namespaces = new ArrayList<>();
  private final ForbiddenRecorder recorder = new ForbiddenRecorder();
  private final List<OlmInstalledOperator> operators = new ArrayList<>();
  private final List<String> subscribedNamespaces = new ArrayList<>();
  private OlmCluster cluster;
  private KubernetesClient admin;
  private OlmApi olm;

  @BeforeAll
  static void serveTheCatalog(OlmCluster cluster) {
    bundle = GeneratedBundle.read();
    Path dir =
        FileBasedCatalog.write(
            new Opm(cluster.binaries().opm()),
            Path.of("target", "olm-it", "catalog").toAbsolutePath(),
            List.of(CatalogBundle.read(bundle.dir())));
    catalog = CatalogServer.start(cluster.controlPlane(), cluster.binaries(), CATALOG, dir);
  }

  @AfterAll
  static void stopServingTheCatalog() {
    if (catalog != null) {
      catalog.close();
    }
  }

  @BeforeEach
  void setUp(OlmCluster cluster) {
    this.cluster = cluster;
    this.admin = cluster.controlPlane().adminClient();
    this.olm = new OlmApi(admin);
  }

  @AfterEach
  void tearDown() {
    operators.forEach(OlmInstalledOperator::close);
    subscribedNamespaces.forEach(this::uninstall);
    namespaces.forEach(TestNamespace::close);
  }

  @Test
  void ownNamespace_olmInstallsIt_andItWatchesOnlyItsOwnNamespace() {
    String ops = namespace("own");
    String outside = namespace("out");

    install(ops, List.of(ops));

    assertFoosFollowTheirFriends(List.of(ops), List.of(outside));
  }

  @Test
  void singleNamespace_olmInstallsIt_andItWatchesOnlyTheTarget() {
    String ops = namespace("ops");
    String target = namespace("one");
    String outside = namespace("out");

    install(ops, List.of(target));

    assertFoosFollowTheirFriends(List.of(target), List.of(ops, outside));
  }

  @Test
  void multiNamespace_olmInstallsIt_andItWatchesEachTargetAndNoOther() {
    String ops = namespace("ops");
    String first = namespace("a");
    String second = namespace("b");
    String outside = namespace("out");

    install(ops, List.of(first, second));

    assertFoosFollowTheirFriends(List.of(first, second), List.of(ops, outside));
  }

  @Test
  void allNamespaces_olmInstallsIt_andItWatchesEveryNamespace() {
    String ops = namespace("ops");
    String first = namespace("a");
    String second = namespace("b");

    install(ops, List.of());

    assertFoosFollowTheirFriends(List.of(ops, first, second), List.of());
  }

  @Test
  void uninstall_removesWhatOlmCreated_andKeepsTheCrdAndTheFoos() {
    String ops = namespace("own");
    install(ops, List.of(ops));
    assertFoosFollowTheirFriends(List.of(ops), List.of());
    assertThat(ownedByTheCsv(ops)).as("what OLM created for the CSV").isNotEmpty();

    operators.remove(operators.size() - 1).close();
    uninstall(ops);
    subscribedNamespaces.remove(ops);

    await("OLM and the garbage collector removed what OLM created")
        .atMost(PATIENCE)
        .until(() -> ownedByTheCsv(ops), List::isEmpty);
    assertThat(admin.serviceAccounts().inNamespace(ops).withName(serviceAccount()).get()).isNull();
    assertThat(admin.services().inNamespace(ops).list().getItems()).isEmpty();
    assertThat(olm.v1alpha1("ClusterServiceVersion").inNamespace(ops).list().getItems()).isEmpty();
    assertThat(
            admin
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(bundle.crd().getMetadata().getName())
                .get())
        .as("the CRD stays: deleting it would delete every user's Foos")
        .isNotNull();
    assertThat(status(ops, "foo-01")).as("the Foo and its last status stay").isNotNull();
    assertThat(happy(ops, "foo-01")).isTrue();
  }

  /** What OLM made for this package's CSV: its Deployment, and the RBAC it labels as the CSV's. */
  private List<String> ownedByTheCsv(String ns) {
    List<String> owned = new ArrayList<>();
    admin
        .rbac()
        .roles()
        .inNamespace(ns)
        .withLabel("olm.owner", csvName())
        .list()
        .getItems()
        .forEach(r -> owned.add("Role " + r.getMetadata().getName()));
    admin
        .rbac()
        .roleBindings()
        .inNamespace(ns)
        .withLabel("olm.owner", csvName())
        .list()
        .getItems()
        .forEach(r -> owned.add("RoleBinding " + r.getMetadata().getName()));
    admin
        .rbac()
        .clusterRoles()
        .withLabel("olm.owner", csvName())
        .withLabel("olm.owner.namespace", ns)
        .list()
        .getItems()
        .forEach(r -> owned.add("ClusterRole " + r.getMetadata().getName()));
    admin
        .rbac()
        .clusterRoleBindings()
        .withLabel("olm.owner", csvName())
        .withLabel("olm.owner.namespace", ns)
        .list()
        .getItems()
        .forEach(r -> owned.add("ClusterRoleBinding " + r.getMetadata().getName()));
    if (admin.apps().deployments().inNamespace(ns).withName(deploymentName()).get() != null) {
      owned.add("Deployment " + deploymentName());
    }
    return owned;
  }

  private String serviceAccount() {
    return bundle
        .csv()
        .getSpec()
        .getInstall()
        .getSpec()
        .getDeployments()
        .get(0)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getServiceAccountName();
  }

  /**
   * Subscribes in {@code ops} with an OperatorGroup targeting {@code targets} (none: all
   * namespaces), waits for OLM to finish, and starts the operator as OLM's Pod runs it.
   */
  private OlmInstalledOperator install(String ops, List<String> targets) {
    olm.operatorGroup(ops, targets);
    olm.subscribe(ops, catalog, PACKAGE, "candidate", Map.of());
    subscribedNamespaces.add(ops);
    olm.awaitInstallPlanComplete(ops);
    olm.awaitCsvSucceeded(ops, csvName());

    OlmInstalledOperator operator =
        OlmInstalledOperator.start(cluster.controlPlane(), ops, deploymentName(), recorder);
    operators.add(operator);
    // Its informers start once it leads: the tests' objects come after that, as a user's would.
    await("the operator leads").atMost(PATIENCE).until(() -> operator.leads());
    assertThat(operator.pod().getMetadata().getAnnotations())
        .as("the targets OLM put on the Pod it made")
        .containsEntry("olm.targetNamespaces", String.join(",", targets))
        .containsEntry("olm.operatorNamespace", ops);
    return operator;
  }

  private void assertFoosFollowTheirFriends(List<String> watched, List<String> unwatched) {
    List<String> all = new ArrayList<>(watched);
    all.addAll(unwatched);
    for (String ns : all) {
      admin.resource(TestPods.pod(ns, "jack")).create();
      admin.resource(Foo.of(ns, "foo-01", "jack")).create();
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
    OlmInstalledOperator operator = operators.get(operators.size() - 1);
    await().atMost(PATIENCE).until(() -> operator.leads());
    assertThat(operator.probe("/readyz").status()).isEqualTo(200);
    assertThat(recorder.forbidden()).as("requests the API server forbade").isEmpty();
  }

  private void uninstall(String ns) {
    olm.uninstall(ns);
    await("OLM removed the Deployment in " + ns)
        .atMost(PATIENCE)
        .until(
            () ->
                admin.apps().deployments().inNamespace(ns).withName(deploymentName()).get()
                    == null);
  }

  private String csvName() {
    return bundle.csv().getMetadata().getName();
  }

  private String deploymentName() {
    return bundle.csv().getSpec().getInstall().getSpec().getDeployments().get(0).getName();
  }

  private Boolean happy(String ns, String name) {
    FooStatus status = status(ns, name);
    return status == null ? null : status.getHappy();
  }

  private FooStatus status(String ns, String name) {
    Foo foo = admin.resources(Foo.class).inNamespace(ns).withName(name).get();
    return foo == null ? null : foo.getStatus();
  }

  private String namespace(String prefix) {
    TestNamespace ns = TestNamespace.create(admin, "olm-" + prefix);
    namespaces.add(ns);
    return ns.name();
  }
}
