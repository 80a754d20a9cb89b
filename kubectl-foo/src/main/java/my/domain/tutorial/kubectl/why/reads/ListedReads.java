package my.domain.tutorial.kubectl.why.reads;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.kubectl.why.ClusterView;
import my.domain.tutorial.kubectl.why.Facts;
import my.domain.tutorial.kubectl.why.Kind;
import my.domain.tutorial.kubectl.why.Lookup;
import my.domain.tutorial.kubectl.why.OperatorSearch;

/**
 * The view of {@code why} without a name: each kind is listed once per namespace (Pods once for the
 * cluster with {@code -A}) the first time a Foo asks, and every later question about it is answered
 * from that list, so explaining a thousand Foos makes a handful of requests, never one per Foo. A
 * kind nobody asks about is never listed (the workloads of a namespace where every friend is
 * present). One instant and one search for the operator serve every Foo.
 */
public final class ListedReads implements ClusterView {
  private record Listing(Kind<?> kind, String namespace) {}

  private final ClusterView source;
  private final boolean podsClusterWide;
  private final Instant now;
  private final Map<Listing, Lookup<? extends List<?>>> listed = new HashMap<>();

  /**
   * @param source where the lists are read ({@link PointReads} on a cluster)
   * @param allNamespaces with {@code -A}: the Pods of every namespace are listed at once
   */
  public ListedReads(ClusterView source, boolean allNamespaces) {
    this.source = source;
    this.podsClusterWide = allNamespaces;
    this.now = source.now();
  }

  @Override
  public <T extends HasMetadata> Lookup<Optional<T>> get(
      Kind<T> kind, String namespace, String name) {
    return list(kind, namespace)
        .map(l -> l.stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst());
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace) {
    if (podsClusterWide && kind == Facts.POD && namespace != null) {
      return listing(kind, null)
          .map(
              l ->
                  l.stream()
                      .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
                      .toList());
    }
    return listing(kind, namespace);
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name) {
    return listing(kind, null)
        .map(l -> l.stream().filter(o -> name.equals(o.getMetadata().getName())).toList());
  }

  @Override
  public OperatorSearch operator() {
    return source.operator();
  }

  @Override
  public Instant now() {
    return now;
  }

  @SuppressWarnings("unchecked") // a Listing of Kind<T> only ever holds a list of T
  private <T extends HasMetadata> Lookup<List<T>> listing(Kind<T> kind, String namespace) {
    return (Lookup<List<T>>)
        listed.computeIfAbsent(new Listing(kind, namespace), l -> source.list(kind, namespace));
  }
}
