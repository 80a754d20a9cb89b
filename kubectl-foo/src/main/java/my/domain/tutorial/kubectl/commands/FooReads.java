package my.domain.tutorial.kubectl.commands;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.names.CloseNames;
import my.domain.tutorial.kubectl.output.Objects;
import my.domain.tutorial.kubectl.paging.Pages;

/** The Foo reads the commands share, with their failures already turned into one-line errors. */
final class FooReads {
  private final Cluster cluster;

  FooReads(Cluster cluster) {
    this.cluster = cluster;
  }

  Optional<Foo> get(String name) {
    return call(
        "get foo " + name + " in namespace " + cluster.namespace(),
        () ->
            Optional.ofNullable(
                cluster
                    .client()
                    .resources(Foo.class)
                    .inNamespace(cluster.namespace())
                    .withName(name)
                    .get()));
  }

  /**
   * Foos matching a label and a field selector (either may be null), filtered by the API server as
   * kubectl's are, each as {@code kept} makes it when its page arrives ({@link Objects#trim}:
   * without the managed fields, which are most of a small object and which only templates may
   * show).
   */
  List<Foo> list(
      boolean allNamespaces, String labelSelector, String fieldSelector, UnaryOperator<Foo> kept) {
    String where = allNamespaces ? "all namespaces" : "namespace " + cluster.namespace();
    return call(
        "list foos in " + where,
        () ->
            Pages.all(
                    options ->
                        allNamespaces
                            ? cluster.client().resources(Foo.class).inAnyNamespace().list(options)
                            : cluster
                                .client()
                                .resources(Foo.class)
                                .inNamespace(cluster.namespace())
                                .list(options),
                    labelSelector,
                    fieldSelector,
                    kept)
                .stream()
                .sorted(
                    Comparator.comparing((Foo f) -> f.getMetadata().getNamespace())
                        .thenComparing(f -> f.getMetadata().getName()))
                .toList());
  }

  /**
   * {@link #list} for a command's {@code -l} and {@code --field-selector}: a selector the API
   * server cannot parse is the user's to fix, exit 2 with the server's reason.
   */
  List<Foo> select(
      boolean allNamespaces,
      String labelSelector,
      String fieldSelector,
      String command,
      UnaryOperator<Foo> kept) {
    try {
      return list(allNamespaces, labelSelector, fieldSelector, kept);
    } catch (PluginException e) {
      if ((labelSelector != null || fieldSelector != null)
          && e.getCause() instanceof KubernetesClientException k
          && k.getCode() == 400) {
        String reason =
            k.getStatus() != null && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage()
                : k.getMessage();
        throw new PluginException(
            ExitCodes.USAGE,
            "invalid selector: "
                + reason.replaceAll("\\s*\\R\\s*", " ")
                + "; see 'kubectl foo "
                + command
                + " --help'",
            k);
      }
      throw e;
    }
  }

  /**
   * Why {@code name} was not found: the Foo API is not installed (exit 4), or there is no such Foo
   * (exit 3, naming close names when the user may list Foos).
   */
  PluginException notFound(String name) {
    String ns = cluster.namespace();
    List<String> names;
    try {
      names =
          Pages.all(o -> cluster.client().resources(Foo.class).inNamespace(ns).list(o)).stream()
              .map(f -> f.getMetadata().getName())
              .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return ApiErrors.apiNotInstalled("find foo " + name, cluster.server(), e);
      }
      names = List.of();
    }
    List<String> close = CloseNames.closeTo(name, names);
    return new PluginException(
        ExitCodes.FOO_NOT_FOUND,
        "foo \""
            + name
            + "\" not found in namespace "
            + ns
            + "; "
            + (close.isEmpty()
                ? "list the Foos with: kubectl foo get -n " + ns
                : "did you mean " + String.join(", ", close) + "?"));
  }

  <T> T call(String action, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw ApiErrors.translate(e, action, cluster.server());
    }
  }
}
