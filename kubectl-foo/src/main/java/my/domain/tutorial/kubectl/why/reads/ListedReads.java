package my.domain.tutorial.kubectl.why.reads;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
  private final Map<Index, Lookup<? extends Map<String, ? extends List<?>>>> indexes =
      new HashMap<>();

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
    String listedIn = clusterWide(kind) ? null : namespace;
    return where(kind, listedIn, By.NAMESPACE_AND_NAME, namespace + "/" + name)
        .map(l -> l.stream().findFirst());
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace) {
    if (clusterWide(kind) && namespace != null) {
      return where(kind, null, By.NAMESPACE, namespace);
    }
    return listing(kind, namespace);
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name) {
    return where(kind, null, By.NAME, name);
  }

  @Override
  public OperatorSearch operator() {
    return source.operator();
  }

  @Override
  public Instant now() {
    return now;
  }

  private boolean clusterWide(Kind<?> kind) {
    return podsClusterWide && kind == Facts.POD;
  }

  @SuppressWarnings("unchecked") // a Listing of Kind<T> only ever holds a list of T
  private <T extends HasMetadata> Lookup<List<T>> listing(Kind<T> kind, String namespace) {
    return (Lookup<List<T>>)
        listed.computeIfAbsent(new Listing(kind, namespace), l -> source.list(kind, namespace));
  }

  /**
   * The objects of a listing whose {@code by} is {@code value}, from an index built once per
   * listing: a thousand Foos asking about a list of 100,000 Pods must not each scan it.
   */
  @SuppressWarnings("unchecked") // an Index of a Listing of Kind<T> only ever holds lists of T
  private <T extends HasMetadata> Lookup<List<T>> where(
      Kind<T> kind, String namespace, By by, String value) {
    Lookup<Map<String, List<T>>> index =
        (Lookup<Map<String, List<T>>>)
            indexes.computeIfAbsent(
                new Index(new Listing(kind, namespace), by),
                i ->
                    listing(kind, namespace)
                        .map(l -> l.stream().collect(Collectors.groupingBy(o -> by.of(o)))));
    return index.map(m -> m.getOrDefault(value, List.of()));
  }

  private enum By {
    NAME,
    NAMESPACE,
    NAMESPACE_AND_NAME;

    String of(HasMetadata o) {
      ObjectMeta meta = o.getMetadata();
      return switch (this) {
        case NAME -> meta.getName();
        case NAMESPACE -> String.valueOf(meta.getNamespace());
        case NAMESPACE_AND_NAME -> meta.getNamespace() + "/" + meta.getName();
      };
    }
  }

  private record Index(Listing listing, By by) {}
}
