package my.domain.tutorial.kubectl.completion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Function;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.kube.ClientFactory;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;

/**
 * Names for completion, read from the cluster the typed flags select. Completion never fails:
 * errors give no names.
 */
public final class ClusterNames implements Completer.Source {
  private final ClientFactory clients;

  public ClusterNames(ClientFactory clients) {
    this.clients = clients;
  }

  @Override
  public List<String> fooNames(ClusterOptions options) {
    return names(
        options, c -> c.client().resources(Foo.class).inNamespace(c.namespace()).list().getItems());
  }

  @Override
  public List<String> podNames(ClusterOptions options) {
    return names(options, c -> c.client().pods().inNamespace(c.namespace()).list().getItems());
  }

  @Override
  public List<String> namespaces(ClusterOptions options) {
    return names(options, c -> c.client().namespaces().list().getItems());
  }

  @Override
  public List<String> contexts(ClusterOptions options) {
    return clients.contexts(options);
  }

  @Override
  public List<String> clusters(ClusterOptions options) {
    return clients.clusters(options);
  }

  @Override
  public List<String> users(ClusterOptions options) {
    return clients.users(options);
  }

  private List<String> names(
      ClusterOptions options, Function<Cluster, List<? extends HasMetadata>> list) {
    try (Cluster c = clients.connect(options)) {
      return list.apply(c).stream().map(o -> o.getMetadata().getName()).toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
