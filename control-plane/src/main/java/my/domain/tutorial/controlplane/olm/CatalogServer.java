package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.ChildProcess;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.Poll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file-based catalog served by {@code opm serve} on a loopback port, and the grpc CatalogSource
 * in OLM's namespace that points OLM at it. Closing deletes the CatalogSource and stops opm.
 */
public final class CatalogServer implements AutoCloseable {
  public static final String API = "operators.coreos.com/v1alpha1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(CatalogServer.class);
  private final KubernetesClient admin;
  private final String name;
  private final ChildProcess opm;

  private CatalogServer(KubernetesClient admin, String name, ChildProcess opm) {
    this.admin = admin;
    this.name = name;
    this.opm = opm;
  }

  /** Serves {@code catalogDir} as CatalogSource {@code olm/<name>} and waits until OLM reads it. */
  public static CatalogServer start(
      ControlPlane cp, OlmBinaries binaries, String name, Path catalogDir) {
    Path dir = cp.config().dataDir();
    int port = ControlPlaneConfig.freePort();
    ChildProcess opm =
        ChildProcess.start(
            "opm-" + name,
            dir,
            List.of(
                binaries.opm().toString(),
                "serve",
                catalogDir.toString(),
                "--port",
                Integer.toString(port),
                // Its defaults are a fixed :6060 and a path inside a container.
                "--pprof-addr",
                "127.0.0.1:0",
                "--termination-log",
                dir.resolve("logs/opm-" + name + ".termination").toString()),
            Map.of());
    CatalogServer server = new CatalogServer(cp.adminClient(), name, opm);
    try {
      server.admin.resource(catalogSource(name, port)).forceConflicts().serverSideApply();
      server.awaitReady();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static GenericKubernetesResource catalogSource(String name, int port) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API)
        .withKind("CatalogSource")
        .withNewMetadata()
        .withName(name)
        .withNamespace(Olm.NAMESPACE)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of("sourceType", "grpc", "address", "127.0.0.1:" + port, "displayName", name))
        .build();
  }

  /** OLM's catalog operator reports the grpc connection READY once it reached opm. */
  private void awaitReady() {
    boolean ready =
        Poll.until(
            () -> {
              opm.requireAlive();
              return "READY".equals(connectionState());
            },
            READY_TIMEOUT,
            Duration.ofMillis(200));
    if (!ready) {
      throw new IllegalStateException(
          "CatalogSource "
              + Olm.NAMESPACE
              + "/"
              + name
              + " not READY within "
              + READY_TIMEOUT.toSeconds()
              + "s (last state "
              + connectionState()
              + "); see "
              + opm.logFile());
    }
  }

  private String connectionState() {
    GenericKubernetesResource source =
        admin
            .genericKubernetesResources(API, "CatalogSource")
            .inNamespace(Olm.NAMESPACE)
            .withName(name)
            .get();
    if (!(OlmStatus.of(source).get("connectionState") instanceof Map<?, ?> connection)) {
      return null;
    }
    return String.valueOf(connection.get("lastObservedState"));
  }

  public String name() {
    return name;
  }

  /**
   * A Subscription in {@code namespace} to {@code pkg}'s {@code channel} in this catalog; {@code
   * extra} adds spec fields (startingCSV, installPlanApproval).
   */
  public GenericKubernetesResource subscription(
      String namespace, String pkg, String channel, Map<String, Object> extra) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", pkg);
    spec.put("channel", channel);
    spec.put("source", name);
    spec.put("sourceNamespace", Olm.NAMESPACE);
    spec.putAll(extra);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API)
        .withKind("Subscription")
        .withNewMetadata()
        .withName(pkg)
        .withNamespace(namespace)
        .endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  public String namespace() {
    return Olm.NAMESPACE;
  }

  @Override
  public void close() {
    try {
      admin
          .genericKubernetesResources(API, "CatalogSource")
          .inNamespace(Olm.NAMESPACE)
          .withName(name)
          .delete();
    } finally {
      opm.close();
    }
  }
}
