package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd plus kube-apiserver with RBAC authorization, as
 * envtest starts it. No kubelet, scheduler or controller-manager: Pods are API objects that stay
 * Pending, which is all the friendship verdict needs.
 *
 * <p>We run the processes ourselves rather than through fabric8 kube-api-test because the tests and
 * {@code make run} need what it does not offer: restarting the API server on the same port over the
 * same etcd (kube-api-test stops everything when one process exits), and a data directory that
 * survives restarts.
 *
 * <p>Three parts: {@link ControlPlaneProcesses} supervises the processes, {@link #faults()} puts
 * them through outages, {@link #clients()} builds clients; how the admin reaches the API server
 * (token, TLS trust, the kubeconfig file) is {@link AdminAccess}.
 */
public final class ControlPlane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

  /** Service ClusterIPs; the first, 10.0.0.1, is the {@code kubernetes} Service's. */
  public static final String SERVICE_CLUSTER_IP_RANGE = "10.0.0.0/24";

  private final ControlPlaneBinaries binaries;
  private final ControlPlaneConfig config;
  private final ClusterClients clients;
  private final ControlPlaneProcesses processes;
  private final ControlPlaneFaults faults;

  private ControlPlane(
      ControlPlaneBinaries binaries, ControlPlaneConfig config, String adminToken) {
    this.binaries = binaries;
    this.config = config;
    Path kubeconfig = config.dataDir().resolve("kubeconfig");
    this.clients = new ClusterClients(kubeconfig, config.dataDir());
    this.processes = new ControlPlaneProcesses(binaries, config, adminToken, clients::admin);
    this.faults = new ControlPlaneFaults(processes);
  }

  /** Starts etcd and kube-apiserver and returns once the API server is ready to serve. */
  public static ControlPlane start(ControlPlaneBinaries binaries, ControlPlaneConfig config) {
    try {
      Path dir = config.dataDir();
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("certs"));
      String token = AdminAccess.token(dir.resolve("tokens.csv"));
      ServiceAccountKeys.ensure(dir.resolve("sa.key"), dir.resolve("sa.pub"));
      ControlPlane cp = new ControlPlane(binaries, config, token);
      try {
        cp.processes.startEtcd();
        cp.processes.startApiServer();
      } catch (RuntimeException e) {
        cp.close();
        throw e;
      }
      return cp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + config.dataDir(), e);
    }
  }

  public String server() {
    return processes.server();
  }

  /** The admin kubeconfig file (context {@code foo-local}); usable with kubectl. */
  public Path kubeconfig() {
    return processes.kubeconfig();
  }

  public ControlPlaneBinaries binaries() {
    return binaries;
  }

  public ControlPlaneConfig config() {
    return config;
  }

  /** Clients of this control plane: the admin's, and ones that impersonate ServiceAccounts. */
  public ClusterClients clients() {
    return clients;
  }

  /** Outages of etcd and kube-apiserver, and the way back from each. */
  public ControlPlaneFaults faults() {
    return faults;
  }

  /** The admin client owned by this control plane (closed with it): {@code clients().admin()}. */
  public KubernetesClient adminClient() {
    return clients.admin();
  }

  /** A fresh admin client configuration: {@code clients().adminConfig()}. */
  public Config adminConfig() {
    return clients.adminConfig();
  }

  @Override
  public synchronized void close() {
    clients.close();
    processes.close();
    if (config.deleteOnClose()) {
      try {
        DirectoryTrees.delete(config.dataDir());
      } catch (IOException e) {
        log.warn("could not delete {}: {}", config.dataDir(), e.getMessage());
      }
    }
  }
}
