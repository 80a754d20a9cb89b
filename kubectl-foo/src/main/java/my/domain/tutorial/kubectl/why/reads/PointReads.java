package my.domain.tutorial.kubectl.why.reads;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.kubectl.paging.Pages;
import my.domain.tutorial.kubectl.why.ClusterView;
import my.domain.tutorial.kubectl.why.Kind;
import my.domain.tutorial.kubectl.why.Lookup;
import my.domain.tutorial.kubectl.why.OperatorSearch;

/**
 * The view of {@code why NAME}: each question one request, as narrow as the API server allows (a
 * GET by name, a list by field selector), so explaining one Foo never lists a cluster's worth of
 * objects it does not need. Reads only.
 */
public final class PointReads implements ClusterView {
  private final KubernetesClient client;
  private final Clock clock;
  private final OperatorLocator.Hint hint;
  private final String fooNamespace;
  private OperatorSearch operator;

  /** For Foos in {@code fooNamespace}, with what the user said about the operator. */
  public PointReads(
      KubernetesClient client, Clock clock, String fooNamespace, OperatorLocator.Hint hint) {
    this.client = client;
    this.clock = clock;
    this.fooNamespace = fooNamespace;
    this.hint = hint;
  }

  @Override
  public <T extends HasMetadata> Lookup<Optional<T>> get(
      Kind<T> kind, String namespace, String name) {
    return Requests.read(
        "get",
        kind.resource(),
        Requests.scope(namespace),
        () ->
            Optional.ofNullable(
                kind.objects().apply(client).inNamespace(namespace).withName(name).get()));
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace) {
    return Requests.list(
        kind.resource(),
        Requests.scope(namespace),
        () ->
            Pages.all(
                o ->
                    namespace == null
                        ? kind.objects().apply(client).inAnyNamespace().list(o)
                        : kind.objects().apply(client).inNamespace(namespace).list(o),
                null,
                null,
                kind.kept()));
  }

  @Override
  public <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name) {
    return Requests.list(
        kind.resource(),
        Requests.scope(null),
        () ->
            Pages.all(
                    o -> kind.objects().apply(client).inAnyNamespace().list(o),
                    null,
                    "metadata.name=" + name,
                    kind.kept())
                .stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .toList());
  }

  @Override
  public OperatorSearch operator() {
    if (operator == null) {
      operator = new OperatorLocator(client).locate(fooNamespace, hint);
    }
    return operator;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }
}
