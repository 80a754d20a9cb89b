package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.bundle.catalog.CatalogBundle;
import my.domain.tutorial.bundle.catalog.FileBasedCatalog;
import my.domain.tutorial.bundle.catalog.Opm;
import my.domain.tutorial.controlplane.olm.CatalogServer;
import my.domain.tutorial.controlplane.olm.OperatorPod;
import my.domain.tutorial.testsupport.OlmCluster;
import my.domain.tutorial.testsupport.OlmExtension;
import my.domain.tutorial.testsupport.OlmInstalledOperator;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An upgrade as OLM performs it: a catalog with the bundle the build wrote and a newer one that
 * {@code replaces} it; a Subscription with Manual approval installs the first, then approving the
 * next InstallPlan moves the CSV to the second. The Foos and their status survive, and the new
 * operator, once it has looked at every Foo, writes nothing: nothing changed.
 */
@ExtendWith(OlmExtension.class)
class OlmUpgradeIT {
  private static final String PACKAGE = "foo-operator";

  @Test
  void aBundleThatReplacesTheFirst_upgradesTheCsv_andFoosKeepTheirStatusUntouched(
      OlmCluster cluster) throws Exception {
    KubernetesClient admin = cluster.controlPlane().adminClient();
    OlmApi olm = new OlmApi(admin);
    GeneratedBundle first = GeneratedBundle.read();
    String from = first.csv().getMetadata().getName();
    Path second =
        BundleWriter.write(
            TestBundles.bundle("--version=0.2.0", "--replaces=" + from),
            Path.of("target", "olm-it", "upgrade").toAbsolutePath());
    String to = CatalogBundle.read(second).csv().getMetadata().getName();
    Path catalogDir =
        FileBasedCatalog.write(
            new Opm(cluster.binaries().opm()),
            Path.of("target", "olm-it", "upgrade-catalog").toAbsolutePath(),
            List.of(CatalogBundle.read(first.dir()), CatalogBundle.read(second)));
    String deployment =
        first.csv().getSpec().getInstall().getSpec().getDeployments().get(0).getName();

    try (CatalogServer catalog =
            CatalogServer.start(
                cluster.controlPlane(), cluster.binaries(), "foo-upgrades", catalogDir);
        TestNamespace ns = TestNamespace.create(admin, "olm-upgrade")) {
      String n = ns.name();
      olm.operatorGroup(n, List.of(n));
      olm.subscribe(
          n,
          catalog,
          PACKAGE,
          "candidate",
          Map.of("startingCSV", from, "installPlanApproval", "Manual"));
      try {
        olm.approve(n, PACKAGE, from);
        olm.awaitCsvSucceeded(n, from);

        ForbiddenRecorder before = new ForbiddenRecorder();
        Map<String, String> versions;
        try (OlmInstalledOperator v1 =
            OlmInstalledOperator.start(cluster.controlPlane(), n, deployment, before)) {
          await("the operator leads").atMost(OlmApi.PATIENCE).until(() -> v1.leads());
          admin.resource(TestPods.pod(n, "jack")).create();
          for (int i = 0; i < 5; i++) {
            admin.resource(Foo.of(n, "happy-" + i, "jack")).create();
            admin.resource(Foo.of(n, "lonely-" + i, "nobody-" + i)).create();
          }
          await().atMost(OlmApi.PATIENCE).until(() -> settled(admin, n, 10));
          versions = resourceVersions(admin, n);
          await("one status write per Foo, then quiet")
              .during(Duration.ofSeconds(2))
              .atMost(Duration.ofSeconds(10))
              .until(() -> resourceVersions(admin, n), versions::equals);
          assertThat(before.forbidden()).isEmpty();

          long t0 = System.nanoTime();
          olm.approve(n, PACKAGE, to);
          olm.awaitCsvSucceeded(n, to);
          await("the replaced CSV " + from + " is gone")
              .atMost(OlmApi.PATIENCE)
              .until(() -> olm.csvPhase(n, from) == null);
          System.out.printf(
              "[olm] upgrade %s -> %s: approval to replaced CSV gone in %d ms%n",
              from, to, (System.nanoTime() - t0) / 1_000_000);
        }

        ForbiddenRecorder after = new ForbiddenRecorder();
        await("the upgraded Deployment's Pod is Ready")
            .atMost(OlmApi.PATIENCE)
            .until(() -> conditionName(admin, n, deployment), to::equals);
        try (OlmInstalledOperator v2 =
            OlmInstalledOperator.start(cluster.controlPlane(), n, deployment, after)) {
          assertThat(v2.pod().getSpec().getContainers().get(0).getEnv())
              .anySatisfy(
                  e -> {
                    assertThat(e.getName()).isEqualTo("OPERATOR_CONDITION_NAME");
                    assertThat(e.getValue()).isEqualTo(to);
                  });
          await("the new operator looked at every Foo")
              .atMost(OlmApi.PATIENCE)
              // the series appears with the first reconciliation
              .ignoreExceptionsInstanceOf(IllegalStateException.class)
              .until(() -> v2.metric("operator_sdk_reconciliations_started_total") >= 10);
          await()
              .during(Duration.ofSeconds(3))
              .atMost(Duration.ofSeconds(10))
              .until(() -> resourceVersions(admin, n), versions::equals);
          assertThat(v2.metric("foo_status_patches_total"))
              .as("status writes by the upgraded operator: nothing changed")
              .isZero();

          admin.pods().inNamespace(n).withName("jack").withGracePeriod(0).delete();
          await("the upgraded operator still follows the friends")
              .atMost(OlmApi.PATIENCE)
              .until(
                  () ->
                      admin
                          .resources(Foo.class)
                          .inNamespace(n)
                          .withName("happy-0")
                          .get()
                          .getStatus()
                          .getHappy(),
                  Boolean.FALSE::equals);
          assertThat(after.forbidden()).as("requests the API server forbade").isEmpty();
        }
      } finally {
        olm.uninstall(n);
      }
    }
  }

  /** The CSV the Deployment's current Ready Pod runs for (OLM sets it in the Pod's env). */
  private static String conditionName(KubernetesClient admin, String ns, String deployment) {
    return OperatorPod.ready(admin, ns, deployment).map(OperatorPod::pod).stream()
        .flatMap(p -> p.getSpec().getContainers().get(0).getEnv().stream())
        .filter(e -> e.getName().equals("OPERATOR_CONDITION_NAME"))
        .map(e -> e.getValue())
        .findFirst()
        .orElse("");
  }

  /** All {@code count} Foos have a status: the operator has decided on each one. */
  private static boolean settled(KubernetesClient admin, String ns, int count) {
    List<Foo> foos = admin.resources(Foo.class).inNamespace(ns).list().getItems();
    return foos.size() == count
        && foos.stream().allMatch(f -> f.getStatus() != null && f.getStatus().getHappy() != null);
  }

  private static Map<String, String> resourceVersions(KubernetesClient admin, String ns) {
    return admin.resources(Foo.class).inNamespace(ns).list().getItems().stream()
        .collect(
            Collectors.toMap(
                f -> f.getMetadata().getName(), f -> f.getMetadata().getResourceVersion()));
  }
}
