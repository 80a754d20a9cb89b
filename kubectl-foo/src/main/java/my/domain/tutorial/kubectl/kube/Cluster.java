package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A connected client, the namespace the command works in, and the server it talks to (for
 * messages).
 */
public record Cluster(KubernetesClient client, String namespace, String server)
    implements AutoCloseable {
  @Override
  public void close() {
    client.close();
  }
}
