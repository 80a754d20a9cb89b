package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clients of one control plane: the admin's, read from the kubeconfig the control plane writes, and
 * others that impersonate a ServiceAccount, so RBAC applies to them exactly as to the real one.
 */
public final class ClusterClients implements AutoCloseable {
  private final Path kubeconfig;
  private final Path dataDir;
  private KubernetesClient admin;

  ClusterClients(Path kubeconfig, Path dataDir) {
    this.kubeconfig = kubeconfig;
    this.dataDir = dataDir;
  }

  /** A client configuration for the admin (system:masters); each call returns a fresh object. */
  public Config adminConfig() {
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The admin client owned by the control plane (closed with it). */
  public synchronized KubernetesClient admin() {
    if (admin == null) {
      admin = new KubernetesClientBuilder().withConfig(adminConfig()).build();
    }
    return admin;
  }

  /**
   * A new client (the caller closes it) that impersonates {@code serviceAccount} in {@code
   * namespace}.
   */
  public KubernetesClient as(String namespace, String serviceAccount) {
    return new KubernetesClientBuilder().withConfig(configAs(namespace, serviceAccount)).build();
  }

  /**
   * A client configuration (a fresh object) that impersonates {@code serviceAccount} in {@code
   * namespace}, for callers that build the client themselves.
   */
  public Config configAs(String namespace, String serviceAccount) {
    Config config = adminConfig();
    config.setImpersonateUsername("system:serviceaccount:" + namespace + ":" + serviceAccount);
    config.setImpersonateGroups(
        "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
    config.setNamespace(namespace);
    return config;
  }

  /**
   * A client certificate the API server authenticates as {@code user} in {@code groups} (signed by
   * the CA of its {@code --client-ca-file}), as kubeconfigs of certificate users hold.
   */
  public ClientCertificate certificate(String user, String... groups) {
    return new ClientCertificates(dataDir).issue(user, groups);
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
  }
}
