package my.domain.tutorial.kubectl.kube;

import java.util.List;

/** How commands get at a cluster. The one real implementation reads kubeconfig as kubectl does. */
public interface ClientFactory {
  /**
   * The namespace the options select, without contacting the cluster (for client-side dry runs).
   */
  String namespace(ClusterOptions options);

  /** A client for the selected context and namespace; the caller closes it. */
  Cluster connect(ClusterOptions options);

  /** The context names the kubeconfig knows (for completion); empty when there is no kubeconfig. */
  List<String> contexts(ClusterOptions options);

  /** The cluster names the kubeconfig knows (for completion of --cluster). */
  default List<String> clusters(ClusterOptions options) {
    return List.of();
  }

  /** The user names the kubeconfig knows (for completion of --user). */
  default List<String> users(ClusterOptions options) {
    return List.of();
  }
}
