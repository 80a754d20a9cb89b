package my.domain.tutorial.localrun;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import my.domain.tutorial.bundle.catalog.CatalogBundle;
import my.domain.tutorial.bundle.catalog.FileBasedCatalog;
import my.domain.tutorial.bundle.catalog.Opm;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.olm.CatalogServer;
import my.domain.tutorial.controlplane.olm.ClusterControllers;
import my.domain.tutorial.controlplane.olm.Olm;
import my.domain.tutorial.controlplane.olm.OlmBinaries;
import my.domain.tutorial.controlplane.olm.OperatorPod;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make run OLM=1}: what OpenShift users get. On the local control plane, Operator Lifecycle
 * Manager installs the built bundle from a catalog served by opm, for all namespaces (a
 * Subscription in {@code operators}, whose OperatorGroup targets every namespace, as OpenShift's
 * default {@code openshift-operators} does); the operator then runs in the foreground as the Pod
 * OLM made.
 */
final class OlmRun implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OlmRun.class);
  private static final String PACKAGE = "foo-operator";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);

  private final ClusterControllers controllers;
  private final Olm olm;
  private final CatalogServer catalog;
  private final OperatorPod pod;

  private OlmRun(ClusterControllers controllers, Olm olm, CatalogServer catalog, OperatorPod pod) {
    this.controllers = controllers;
    this.olm = olm;
    this.catalog = catalog;
    this.pod = pod;
  }

  static OlmRun install(ControlPlane cp, Path bundleDir) {
    OlmBinaries binaries = OlmBinaries.locate();
    CatalogBundle bundle = CatalogBundle.read(bundleDir);
    Path catalogDir =
        FileBasedCatalog.write(
            new Opm(binaries.opm()), cp.config().dataDir().resolve("catalog"), List.of(bundle));
    ClusterControllers controllers = ClusterControllers.start(cp, binaries);
    Olm olm = null;
    CatalogServer catalog = null;
    try {
      olm = Olm.start(cp, binaries);
      catalog = CatalogServer.start(cp, binaries, "foo-local", catalogDir);
      KubernetesClient admin = cp.adminClient();
      admin
          .resource(
              catalog.subscription(
                  Olm.GLOBAL_NAMESPACE, PACKAGE, bundle.defaultChannel(), Map.of()))
          .forceConflicts()
          .serverSideApply();
      String deployment =
          bundle.csv().getSpec().getInstall().getSpec().getDeployments().get(0).getName();
      log.info(
          "subscribed {}/{} to {}; waiting for OLM to install {}",
          Olm.GLOBAL_NAMESPACE,
          PACKAGE,
          catalog.name(),
          bundle.csv().getMetadata().getName());
      AtomicReference<OperatorPod> found = new AtomicReference<>();
      if (!Poll.until(
          () -> {
            OperatorPod.ready(admin, Olm.GLOBAL_NAMESPACE, deployment).ifPresent(found::set);
            return found.get() != null;
          },
          INSTALL_TIMEOUT,
          Duration.ofMillis(500))) {
        throw new IllegalStateException(
            "OLM did not make a Ready Pod of "
                + Olm.GLOBAL_NAMESPACE
                + "/"
                + deployment
                + " within "
                + INSTALL_TIMEOUT.toMinutes()
                + " min; see kubectl -n "
                + Olm.GLOBAL_NAMESPACE
                + " get subscription,installplan,csv and the logs in "
                + cp.config().dataDir().resolve("logs"));
      }
      return new OlmRun(controllers, olm, catalog, found.get());
    } catch (RuntimeException e) {
      if (catalog != null) {
        catalog.close();
      }
      if (olm != null) {
        olm.close();
      }
      controllers.close();
      throw e;
    }
  }

  OperatorPod pod() {
    return pod;
  }

  /**
   * The Pod's environment, with the log format, and the probe and metrics ports taken from this
   * shell when set (OLM's controllers already hold :8080; free ones otherwise).
   */
  Map<String, String> environment(Map<String, String> shell) {
    Map<String, String> env = new HashMap<>(pod.env());
    for (String name :
        List.of(
            OperatorSettings.LOG_FORMAT,
            OperatorSettings.LOG_LEVEL,
            OperatorSettings.HEALTH_PORT,
            OperatorSettings.METRICS_PORT)) {
      env.remove(name);
      Optional.ofNullable(shell.get(name)).ifPresent(v -> env.put(name, v));
    }
    env.putIfAbsent(OperatorSettings.HEALTH_PORT, "0");
    env.putIfAbsent(OperatorSettings.METRICS_PORT, "0");
    return env;
  }

  @Override
  public void close() {
    // Each one on its own: at JVM shutdown the control plane may already be gone, and a failed
    // CatalogSource delete must not leave OLM's processes running.
    try {
      catalog.close();
    } finally {
      try {
        olm.close();
      } finally {
        controllers.close();
      }
    }
  }
}
