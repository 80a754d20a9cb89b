package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A connected client, the namespace the command works in, the server it talks to (for messages),
 * and what the connection needs besides the client (an https proxy's relay), closed with it.
 */
public record Cluster(
    KubernetesClient client, String namespace, String server, AutoCloseable resources)
    implements AutoCloseable {
  public Cluster(KubernetesClient client, String namespace, String server) {
    this(client, namespace, server, () -> {});
  }

  @Override
  public void close() {
    client.close();
    try {
      resources.close();
    } catch (Exception ignored) {
      // Only loopback sockets of our own: nothing a user could act on.
    }
  }
}
