package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.kubectl.cli.ClusterOptions;
import my.domain.tutorial.kubectl.cli.ExitCodes;
import my.domain.tutorial.kubectl.cli.PluginException;

/**
 * The connection flags laid over the kubeconfig as kubectl lays them (client-go's clientcmd
 * overrides): {@code --cluster}/{@code --user} pick another cluster or user than the context's;
 * each other flag replaces the one value it names in the picked cluster or user, and the rest of
 * the kubeconfig stays. The result is a kubeconfig of exactly one context, cluster and user.
 */
final class ConnectionOverrides {
  /** The name of the one context (and its cluster and user) of the effective kubeconfig. */
  static final String EFFECTIVE = "kubectl-foo";

  private ConnectionOverrides() {}

  /** Flag values that are wrong whatever the kubeconfig says: exit 2 before anything is read. */
  static void check(ClusterOptions options) {
    requireFile("--certificate-authority", options.certificateAuthority());
    requireFile("--client-certificate", options.clientCertificate());
    requireFile("--client-key", options.clientKey());
    options
        .server()
        .ifPresent(
            s -> {
              if (!s.matches("(?i)https?://[^\\s/]+(/\\S*)?") && !s.matches("[^\\s/:]+(:\\d+)?")) {
                throw PluginException.usage(
                    "invalid --server '"
                        + s
                        + "': use the API server's URL, such as"
                        + " https://10.0.0.1:6443");
              }
            });
    if (options.tlsServerName().isPresent()) {
      throw PluginException.usage(
          "--tls-server-name is not supported yet: the plugin's HTTP client cannot choose the"
              + " name it checks the server's certificate against; use a --server address whose host name the"
              + " certificate names");
    }
  }

  static Config apply(Config merged, NamedContext selected, ClusterOptions options, String where) {
    Context context = selected.getContext() == null ? new Context() : selected.getContext();
    String clusterName = options.cluster().orElse(context.getCluster());
    String userName = options.user().orElse(context.getUser());

    Optional<io.fabric8.kubernetes.api.model.Cluster> named =
        find(merged.getClusters(), NamedCluster::getName, clusterName)
            .map(NamedCluster::getCluster);
    if (named.isEmpty() && options.cluster().isPresent()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cluster \""
              + clusterName
              + "\" is not in the kubeconfig ("
              + where
              + "); use one of: "
              + String.join(", ", names(merged.getClusters(), NamedCluster::getName)));
    }
    io.fabric8.kubernetes.api.model.Cluster cluster =
        named.orElseGet(io.fabric8.kubernetes.api.model.Cluster::new);
    Optional<AuthInfo> namedUser =
        find(merged.getUsers(), NamedAuthInfo::getName, userName).map(NamedAuthInfo::getUser);
    if (namedUser.isEmpty() && options.user().isPresent()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "user \""
              + userName
              + "\" is not in the kubeconfig ("
              + where
              + "); use one of: "
              + String.join(", ", names(merged.getUsers(), NamedAuthInfo::getName)));
    }
    AuthInfo user = namedUser.orElseGet(AuthInfo::new);

    options.server().ifPresent(cluster::setServer);
    options
        .certificateAuthority()
        .ifPresent(
            ca -> {
              cluster.setCertificateAuthority(ca.toAbsolutePath().toString());
              cluster.setCertificateAuthorityData(null);
            });
    options
        .insecureSkipTlsVerify()
        .ifPresent(
            insecure -> {
              cluster.setInsecureSkipTlsVerify(insecure);
              // As kubectl: skipping verification without naming a CA drops the kubeconfig's CA.
              if (insecure && options.certificateAuthority().isEmpty()) {
                cluster.setCertificateAuthority(null);
                cluster.setCertificateAuthorityData(null);
              }
            });
    if (cluster.getServer() == null || cluster.getServer().isEmpty()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          (clusterName == null || clusterName.isEmpty()
                  ? "the context \"" + selected.getName() + "\" names no cluster"
                  : "cluster \"" + clusterName + "\" is not in the kubeconfig or has no server")
              + " ("
              + where
              + "); pass -s/--server URL, or fix the kubeconfig");
    }

    options
        .token()
        .ifPresent(
            token -> {
              user.setToken(token);
              user.setTokenFile(null);
              user.setUsername(null);
              user.setPassword(null);
              user.setExec(null);
              user.setAuthProvider(null);
            });
    options
        .clientCertificate()
        .ifPresent(
            f -> {
              user.setClientCertificate(f.toAbsolutePath().toString());
              user.setClientCertificateData(null);
            });
    options
        .clientKey()
        .ifPresent(
            f -> {
              user.setClientKey(f.toAbsolutePath().toString());
              user.setClientKeyData(null);
            });

    Config effective = new Config();
    effective.setApiVersion("v1");
    effective.setKind("Config");
    effective.setClusters(List.of(new NamedCluster(cluster, EFFECTIVE)));
    effective.setUsers(List.of(new NamedAuthInfo(EFFECTIVE, user)));
    Context ctx = new Context();
    ctx.setCluster(EFFECTIVE);
    ctx.setUser(EFFECTIVE);
    ctx.setNamespace(context.getNamespace());
    effective.setContexts(List.of(new NamedContext(ctx, EFFECTIVE)));
    effective.setCurrentContext(EFFECTIVE);
    return effective;
  }

  /**
   * Impersonation as kubectl does it: {@code --as}, {@code --as-group} and {@code --as-uid} replace
   * the kubeconfig user's {@code as}, {@code as-groups} and {@code as-uid} (which fabric8 itself
   * does not read).
   */
  static void impersonate(
      io.fabric8.kubernetes.client.Config config, AuthInfo user, ClusterOptions options) {
    Optional<String> as = options.as().or(() -> present(user.getAs()));
    List<String> groups =
        !options.asGroups().isEmpty()
            ? options.asGroups()
            : Optional.ofNullable(user.getAsGroups()).orElse(List.of());
    Optional<String> uid = options.asUid().or(() -> present(user.getAsUid()));
    if (as.isEmpty() && (!groups.isEmpty() || uid.isPresent())) {
      throw PluginException.usage(
          (!groups.isEmpty() ? "--as-group" : "--as-uid")
              + " needs --as USER: name the user to impersonate");
    }
    if (as.isEmpty()) {
      return;
    }
    config.setImpersonateUsername(as.get());
    config.setImpersonateGroups(groups.toArray(String[]::new));
    if (user.getAsUserExtra() != null && !user.getAsUserExtra().isEmpty()) {
      config.setImpersonateExtras(user.getAsUserExtra());
    }
    uid.ifPresent(
        id -> {
          Map<String, String> headers =
              new HashMap<>(Optional.ofNullable(config.getCustomHeaders()).orElse(Map.of()));
          headers.put("Impersonate-Uid", id);
          config.setCustomHeaders(headers);
        });
  }

  private static void requireFile(String flag, Optional<Path> file) {
    file.ifPresent(
        f -> {
          if (!Files.isRegularFile(f)) {
            throw PluginException.usage(
                "the " + flag + " file " + f + " does not exist; pass an existing file");
          }
        });
  }

  private static <T> Optional<T> find(
      List<T> items, java.util.function.Function<T, String> name, String wanted) {
    if (wanted == null || wanted.isEmpty() || items == null) {
      return Optional.empty();
    }
    return items.stream().filter(i -> wanted.equals(name.apply(i))).findFirst();
  }

  private static <T> List<String> names(
      List<T> items, java.util.function.Function<T, String> name) {
    return items == null ? List.of() : new ArrayList<>(items.stream().map(name).toList());
  }

  private static Optional<String> present(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isEmpty());
  }
}
