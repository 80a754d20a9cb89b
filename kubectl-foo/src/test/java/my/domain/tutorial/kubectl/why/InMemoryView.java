package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cluster held in memory, for the pure tests: the objects of each kind, the reads the API server
 * would refuse, and the outcome of the search for the operator.
 */
final class InMemoryView implements ClusterView {
  private final Map<Kind<?>, List<HasMetadata>> objects = new HashMap<>();
  private final Set<String> refused = new HashSet<>();
  private final OperatorSearch operator;
  private final Instant now;

  InMemoryView(OperatorSearch operator, Instant now) {
    this.operator = operator;
    this.now = now;
  }

  InMemoryView with(Kind<?> kind, List<? extends HasMetadata> objs) {
    objects.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(objs);
    return this;
  }

  /** The API server answers 403 to {@code verb} on {@code kind} in {@code scope}. */
  InMemoryView refusing(String verb, Kind<?> kind, String scope) {
    refused.add(verb + " " + kind.resource() + " in " + scope);
    return this;
  }

  @Override
  public <T extends HasMetadata> Lookup<Optional<T>> get(
      Kind<T> kind, String namespace, String name) {
    return read("get", kind, "namespace " + namespace, of(kind, namespace, name))
        .map(Stream::findFirst);
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace) {
    return read(
            "list",
            kind,
            namespace == null ? "all namespaces" : "namespace " + namespace,
            of(kind, namespace, null))
        .map(Stream::toList);
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name) {
    return read("list", kind, "all namespaces", of(kind, null, name)).map(Stream::toList);
  }

  @Override
  public OperatorSearch operator() {
    return operator;
  }

  @Override
  public Instant now() {
    return now;
  }

  private <T> Lookup<T> read(String verb, Kind<?> kind, String scope, T value) {
    return refused.contains(verb + " " + kind.resource() + " in " + scope)
        ? Lookup.forbidden(verb, kind.resource(), scope)
        : Lookup.found(value);
  }

  @SuppressWarnings("unchecked") // with() files each object under its own kind
  private <T extends HasMetadata> Stream<T> of(Kind<T> kind, String namespace, String name) {
    return objects.getOrDefault(kind, List.of()).stream()
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
        .filter(o -> name == null || name.equals(o.getMetadata().getName()))
        .map(o -> (T) o);
  }
}
