package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * The connection flags laid over the kubeconfig as kubectl lays them (client-go's clientcmd
 * overrides): {@code --cluster}/{@code --user} pick another cluster or user than the context's (see
 * {@link KubeconfigClientFactory}); each other flag replaces the one value it names, and the rest
 * of the kubeconfig stays.
 */
final class ConnectionOverrides {
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
  }

  /**
   * Lays the flags over the client configuration fabric8 made from the kubeconfig: each replaces
   * the one value it names; {@code --insecure-skip-tls-verify} without a CA flag also drops the
   * kubeconfig's CA, as kubectl does.
   */
  static void apply(io.fabric8.kubernetes.client.Config config, ClusterOptions options) {
    options.server().ifPresent(config::setMasterUrl);
    options
        .certificateAuthority()
        .ifPresent(
            ca -> {
              config.setCaCertFile(ca.toAbsolutePath().toString());
              config.setCaCertData(null);
            });
    options
        .insecureSkipTlsVerify()
        .ifPresent(
            insecure -> {
              config.setTrustCerts(insecure);
              config.setDisableHostnameVerification(insecure);
              if (insecure && options.certificateAuthority().isEmpty()) {
                config.setCaCertFile(null);
                config.setCaCertData(null);
              }
            });
    options
        .token()
        .ifPresent(
            token -> {
              config.setAutoOAuthToken(token);
              config.setUsername(null);
              config.setPassword(null);
              config.setAuthProvider(null);
            });
    options
        .clientCertificate()
        .ifPresent(
            f -> {
              config.setClientCertFile(f.toAbsolutePath().toString());
              config.setClientCertData(null);
            });
    options
        .clientKey()
        .ifPresent(
            f -> {
              config.setClientKeyFile(f.toAbsolutePath().toString());
              config.setClientKeyData(null);
            });
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

  private static Optional<String> present(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isEmpty());
  }
}
