package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.ProcessGroup;

/**
 * Operator Lifecycle Manager (v0) on the local control plane: its CRDs and the cluster objects of
 * its quickstart install, and its two controllers run as processes instead of Pods. {@code olm}
 * runs CSVs and OperatorGroups (it creates the operator's Deployment, RBAC and Services), {@code
 * catalog} resolves Subscriptions against CatalogSources and executes InstallPlans. No
 * packageserver (it needs a Pod serving an aggregated API) and no default catalogs.
 */
public final class Olm implements AutoCloseable {
  public static final String NAMESPACE = "olm";
  public static final String GLOBAL_NAMESPACE = "operators";
  public static final String GLOBAL_OPERATOR_GROUP = "global-operators";
  private static final String API = "operators.coreos.com/v1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /** What the harness takes from the quickstart manifest; its Deployments and CSV need Pods. */
  private static final Set<String> QUICKSTART_KINDS = Set.of("Namespace", "OperatorGroup");

  private static final Set<String> QUICKSTART_CLUSTER_ROLES =
      Set.of("aggregate-olm-edit", "aggregate-olm-view");

  private final ProcessGroup processes;

  private Olm(ProcessGroup processes) {
    this.processes = processes;
  }

  /** Installs OLM's CRDs and cluster objects, starts its controllers and waits until they act. */
  public static Olm start(ControlPlane cp, OlmBinaries binaries) {
    KubernetesClient admin = cp.adminClient();
    installCrds(admin, binaries.olmManifests());
    quickstartObjects(binaries.olmManifests().resolve("olm.yaml"))
        .forEach(o -> admin.resource(o).forceConflicts().serverSideApply());
    admin.resource(olmConfig()).forceConflicts().serverSideApply();

    Path dir = cp.config().dataDir();
    String kubeconfig = cp.kubeconfig().toString();
    ProcessGroup started = new ProcessGroup(dir);
    try {
      started.start(
          "olm",
          List.of(binaries.olm().toString(), "--namespace", NAMESPACE),
          Map.of(
              "OPERATOR_NAMESPACE", NAMESPACE,
              "OPERATOR_NAME", "olm-operator",
              "KUBECONFIG", kubeconfig));
      started.start(
          "catalog",
          List.of(
              binaries.catalog().toString(), "--kubeconfig", kubeconfig, "--namespace", NAMESPACE),
          Map.of());
      Olm olm = new Olm(started);
      olm.awaitOperatorGroupsResolved(admin);
      return olm;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private static void installCrds(KubernetesClient admin, Path manifests) {
    try (Stream<Path> files = Files.list(manifests)) {
      for (Path crd : files.filter(f -> f.toString().endsWith(".crd.yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(crd)) {
          ClusterResources.installCrd(
              admin, Serialization.unmarshal(in, CustomResourceDefinition.class));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read OLM's CRDs in " + manifests, e);
    }
  }

  /** The namespaces, OperatorGroups and aggregated ClusterRoles of OLM's quickstart install. */
  static List<HasMetadata> quickstartObjects(Path olmYaml) {
    try (InputStream in = Files.newInputStream(olmYaml)) {
      List<HasMetadata> all = Serialization.unmarshal(in);
      return all.stream()
          .filter(
              o ->
                  QUICKSTART_KINDS.contains(o.getKind())
                      || ("ClusterRole".equals(o.getKind())
                          && QUICKSTART_CLUSTER_ROLES.contains(o.getMetadata().getName())))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + olmYaml, e);
    }
  }

  /** OLM reads its cluster-wide settings from this object and waits for it to exist. */
  private static GenericKubernetesResource olmConfig() {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API)
        .withKind("OLMConfig")
        .withNewMetadata()
        .withName("cluster")
        .endMetadata()
        .build();
  }

  /** OLM's OperatorGroup controller writes each group's namespaces: proof that it runs. */
  private void awaitOperatorGroupsResolved(KubernetesClient admin) {
    boolean ready =
        Poll.until(
            () -> {
              processes.requireAlive();
              GenericKubernetesResource group =
                  admin
                      .genericKubernetesResources(API, "OperatorGroup")
                      .inNamespace(GLOBAL_NAMESPACE)
                      .withName(GLOBAL_OPERATOR_GROUP)
                      .get();
              return OlmStatus.of(group).get("namespaces") != null;
            },
            READY_TIMEOUT,
            Duration.ofMillis(200));
    if (!ready) {
      throw new IllegalStateException(
          "OLM did not resolve the OperatorGroup "
              + GLOBAL_NAMESPACE
              + "/"
              + GLOBAL_OPERATOR_GROUP
              + " within "
              + READY_TIMEOUT.toSeconds()
              + "s; see "
              + processes.logs().get(0));
    }
  }

  /** Throws, naming the log to read, when one of the controllers is no longer running. */
  public void requireAlive() {
    processes.requireAlive();
  }

  public List<Path> logs() {
    return processes.logs();
  }

  public void kill() {
    processes.kill();
  }

  @Override
  public void close() {
    processes.close();
  }
}
