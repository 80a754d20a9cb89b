package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.kubectl.cli.ClusterOptions;
import my.domain.tutorial.kubectl.cli.ExitCodes;
import my.domain.tutorial.kubectl.cli.PluginException;
import my.domain.tutorial.kubectl.names.Names;

/**
 * Builds clients from kubeconfig exactly as kubectl picks it: {@code --kubeconfig}, else the merged
 * {@code KUBECONFIG} files, else {@code ~/.kube/config}; the context from {@code --context} or the
 * current one; the namespace from {@code -n}, else the context's, else {@code default}.
 */
public final class KubeconfigClientFactory implements ClientFactory {
  private final Map<String, String> env;

  public KubeconfigClientFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String namespace(ClusterOptions options) {
    if (options.namespace().isPresent()) {
      return Names.requireNamespace(options.namespace().get());
    }
    try {
      io.fabric8.kubernetes.api.model.Config merged = load(options);
      return selectedContext(merged, options)
          .map(c -> c.getContext().getNamespace())
          .filter(ns -> ns != null && !ns.isEmpty())
          .orElse("default");
    } catch (PluginException noUsableKubeconfig) {
      return "default";
    }
  }

  @Override
  public List<String> contexts(ClusterOptions options) {
    try {
      return load(options).getContexts().stream().map(NamedContext::getName).toList();
    } catch (PluginException noUsableKubeconfig) {
      return List.of();
    }
  }

  @Override
  public List<String> clusters(ClusterOptions options) {
    try {
      return load(options).getClusters().stream().map(NamedCluster::getName).toList();
    } catch (PluginException noUsableKubeconfig) {
      return List.of();
    }
  }

  @Override
  public List<String> users(ClusterOptions options) {
    try {
      return load(options).getUsers().stream().map(NamedAuthInfo::getName).toList();
    } catch (PluginException noUsableKubeconfig) {
      return List.of();
    }
  }

  @Override
  public Cluster connect(ClusterOptions options) {
    Optional<Duration> timeout = RequestTimeout.parse(options.requestTimeout());
    options.namespace().ifPresent(Names::requireNamespace);
    ConnectionOverrides.check(options);
    io.fabric8.kubernetes.api.model.Config merged = load(options, options.server().isPresent());
    NamedContext context =
        selectedContext(merged, options)
            .or(
                () ->
                    options.server().isPresent() && options.context().isEmpty()
                        ? Optional.of(new NamedContext(new Context(), ""))
                        : Optional.empty())
            .orElseThrow(
                () ->
                    options.context().isPresent()
                        ? new PluginException(
                            ExitCodes.CLUSTER_UNUSABLE,
                            "context \""
                                + options.context().get()
                                + "\" is not in the kubeconfig ("
                                + KubeconfigFiles.describe(options.kubeconfig(), env)
                                + "); use one of: "
                                + String.join(
                                    ", ",
                                    merged.getContexts().stream()
                                        .map(NamedContext::getName)
                                        .toList()))
                        : new PluginException(
                            ExitCodes.CLUSTER_UNUSABLE,
                            "the kubeconfig ("
                                + KubeconfigFiles.describe(options.kubeconfig(), env)
                                + ") has no current context; pass --context NAME"
                                + " or run: kubectl config use-context NAME"));
    io.fabric8.kubernetes.api.model.Config effective =
        ConnectionOverrides.apply(
            merged, context, options, KubeconfigFiles.describe(options.kubeconfig(), env));
    Config config;
    try {
      config =
          Config.fromKubeconfig(
              effective.getCurrentContext(), Serialization.asYaml(effective), null);
    } catch (RuntimeException e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot use context \""
              + context.getName()
              + "\" of the kubeconfig: "
              + oneLine(e)
              + "; fix it, or pick another with --context",
          e);
    }
    ConnectionOverrides.impersonate(config, effective.getUsers().get(0).getUser(), options);
    String namespace =
        options
            .namespace()
            .or(
                () ->
                    Optional.ofNullable(context.getContext().getNamespace())
                        .filter(ns -> !ns.isEmpty()))
            .orElse("default");
    config.setNamespace(namespace);
    // A CLI answers at once: no silent retries with backoff on a cluster that is down.
    config.setRequestRetryBackoffLimit(0);
    // HTTP/1.1: kube-apiserver ends an HTTP/2 connection with GOAWAY when it rejects a token, and
    // the
    // JDK client then reports a broken connection instead of the 401 it was sent. One CLI request
    // gains nothing from HTTP/2 anyway.
    config.setHttp2Disable(true);
    timeout.ifPresent(
        t -> {
          config.setRequestTimeout((int) t.toMillis());
          config.setConnectionTimeout((int) t.toMillis());
        });
    return new Cluster(
        new KubernetesClientBuilder().withConfig(config).build(), namespace, config.getMasterUrl());
  }

  private io.fabric8.kubernetes.api.model.Config load(ClusterOptions options) {
    return load(options, false);
  }

  /**
   * The merged kubeconfig; with {@code mayBeAbsent} (a --server is given) an empty one when there
   * is none.
   */
  private io.fabric8.kubernetes.api.model.Config load(ClusterOptions options, boolean mayBeAbsent) {
    List<Path> files = KubeconfigFiles.locate(options.kubeconfig(), env);
    if (options.kubeconfig().isPresent() && !Files.isRegularFile(options.kubeconfig().get())) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "the kubeconfig file "
              + options.kubeconfig().get()
              + " does not exist; pass an existing file to --kubeconfig");
    }
    List<KubeconfigMerger.Source> sources = new ArrayList<>();
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          sources.add(
              new KubeconfigMerger.Source(
                  file, Serialization.unmarshal(in, io.fabric8.kubernetes.api.model.Config.class)));
        } catch (IOException | RuntimeException e) {
          throw new PluginException(
              ExitCodes.CLUSTER_UNUSABLE,
              "cannot read the kubeconfig file "
                  + file
                  + ": "
                  + oneLine(e)
                  + "; fix the file or point KUBECONFIG/--kubeconfig elsewhere",
              e);
        }
      }
    }
    if (sources.isEmpty() && mayBeAbsent && options.kubeconfig().isEmpty()) {
      return KubeconfigMerger.merge(List.of());
    }
    if (sources.isEmpty()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "no kubeconfig found ("
              + KubeconfigFiles.describe(options.kubeconfig(), env)
              + "); set KUBECONFIG or pass --kubeconfig to point"
              + " at your cluster's kubeconfig");
    }
    return KubeconfigMerger.merge(sources);
  }

  private static Optional<NamedContext> selectedContext(
      io.fabric8.kubernetes.api.model.Config merged, ClusterOptions options) {
    Optional<String> name =
        options
            .context()
            .or(() -> Optional.ofNullable(merged.getCurrentContext()).filter(s -> !s.isEmpty()));
    return name.flatMap(
        n -> merged.getContexts().stream().filter(c -> n.equals(c.getName())).findFirst());
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
