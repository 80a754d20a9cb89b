package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthProviderConfig;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.names.Names;

/**
 * Builds clients from kubeconfig exactly as kubectl does. fabric8 reads and merges the files
 * ({@link KubeConfigUtils}: the first file to define a name wins; paths are relative to the file
 * that holds them; an oidc user's refreshed token is written back to its file) into a {@link
 * Config} that starts empty, so none of fabric8's system-property and environment-variable
 * overrides (KUBERNETES_MASTER, KUBERNETES_TRUST_CERTIFICATES...), which kubectl does not know,
 * apply. Added here is what fabric8 lacks or gets wrong: skipping empty files, {@code --cluster}
 * and {@code --user}, the other flags ({@link ConnectionOverrides}), {@code tokenFile}, {@code
 * exec} plugins as client-go runs them ({@link ExecPlugin}), {@code oidc} as client-go uses it
 * ({@link OidcToken}), {@code tls-server-name}, an https proxy ({@link TlsProxyRelay}), refusing a
 * socks5 proxy the JDK client cannot use, and client-go's retry of throttled requests ({@link
 * RetryAfter}).
 */
public final class KubeconfigClientFactory implements ClientFactory {
  private final Map<String, String> env;
  private final Clock clock;
  private final boolean terminal;

  public KubeconfigClientFactory(Map<String, String> env) {
    this(env, Clock.systemUTC(), System.console() != null);
  }

  KubeconfigClientFactory(Map<String, String> env, Clock clock, boolean terminal) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.terminal = terminal;
  }

  @Override
  public String namespace(ClusterOptions options) {
    if (options.namespace().isPresent()) {
      return Names.requireNamespace(options.namespace().get());
    }
    try {
      Kubeconfigs kubeconfigs = Kubeconfigs.read(options.kubeconfig(), env);
      return options
          .context()
          .or(kubeconfigs::currentContext)
          .flatMap(kubeconfigs::context)
          .map(c -> c.getContext().getNamespace())
          .filter(ns -> ns != null && !ns.isEmpty())
          .orElse("default");
    } catch (PluginException noUsableKubeconfig) {
      return "default";
    }
  }

  @Override
  public List<String> contexts(ClusterOptions options) {
    return names(options, Kubeconfigs::contextNames);
  }

  @Override
  public List<String> clusters(ClusterOptions options) {
    return names(options, Kubeconfigs::clusterNames);
  }

  @Override
  public List<String> users(ClusterOptions options) {
    return names(options, Kubeconfigs::userNames);
  }

  private List<String> names(
      ClusterOptions options, java.util.function.Function<Kubeconfigs, List<String>> names) {
    try {
      return names.apply(Kubeconfigs.read(options.kubeconfig(), env));
    } catch (PluginException noUsableKubeconfig) {
      return List.of();
    }
  }

  @Override
  public Cluster connect(ClusterOptions options) {
    Optional<Duration> timeout = RequestTimeout.parse(options.requestTimeout());
    options.namespace().ifPresent(Names::requireNamespace);
    ConnectionOverrides.check(options);
    Kubeconfigs kubeconfigs = Kubeconfigs.read(options.kubeconfig(), env);
    boolean serverOnly = options.server().isPresent() && options.kubeconfig().isEmpty();
    if (kubeconfigs.isEmpty() && !serverOnly) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "no kubeconfig found ("
              + kubeconfigs.where()
              + "); set KUBECONFIG or pass --kubeconfig to point"
              + " at your cluster's kubeconfig");
    }
    NamedContext selected = selectContext(kubeconfigs, options);
    Context context = selected.getContext();
    Optional<NamedCluster> cluster = kubeconfigs.cluster(context.getCluster());
    if (options.cluster().isPresent() && cluster.isEmpty()) {
      throw notInKubeconfig(
          "cluster", context.getCluster(), kubeconfigs, kubeconfigs.clusterNames());
    }
    Optional<NamedAuthInfo> user = kubeconfigs.user(context.getUser());
    if (options.user().isPresent() && user.isEmpty()) {
      throw notInKubeconfig("user", context.getUser(), kubeconfigs, kubeconfigs.userNames());
    }
    String server =
        options.server().or(() -> cluster.map(c -> c.getCluster().getServer())).orElse("");
    if (server.isEmpty()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          (context.getCluster() == null || context.getCluster().isEmpty()
                  ? "the context \"" + selected.getName() + "\" names no cluster"
                  : "cluster \""
                      + context.getCluster()
                      + "\" is not in the kubeconfig or has no server")
              + " ("
              + kubeconfigs.where()
              + "); pass -s/--server URL, or fix the kubeconfig");
    }
    AuthInfo authInfo = user.map(NamedAuthInfo::getUser).orElseGet(AuthInfo::new);
    Optional<Path> userFile = user.flatMap(KubeconfigClientFactory::file);

    Config config = Config.empty();
    config.setContexts(new ArrayList<>(List.of(selected)));
    Optional<OAuthTokenProvider> tokens =
        credentials(options, authInfo, context.getUser(), userFile, config, cluster);
    tokens.ifPresent(config::setOauthTokenProvider);
    try {
      KubeConfigUtils.merge(
          config,
          selected.getName(),
          kubeconfigs.files().toArray(new io.fabric8.kubernetes.api.model.Config[0]));
    } catch (RuntimeException e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot use context \""
              + selected.getName()
              + "\" of the kubeconfig: "
              + ApiErrors.oneLine(e)
              + "; fix it, or pick another with --context",
          e);
    }
    ConnectionOverrides.apply(config, options);
    Optional<String> tlsServerName =
        options
            .tlsServerName()
            .or(() -> cluster.map(c -> c.getCluster().getTlsServerName()))
            .filter(n -> !n.isEmpty());
    Optional<String> proxyUrl =
        cluster.map(c -> c.getCluster().getProxyUrl()).filter(p -> !p.isEmpty());
    proxyUrl.ifPresent(p -> ProxyUrls.require(p, context.getCluster()));
    if (proxyUrl.isEmpty()) {
      proxyUrl = EnvProxy.forServer(config.getMasterUrl(), env);
      proxyUrl.ifPresent(p -> ProxyUrls.require(p, context.getCluster()));
    }
    // The credential is fetched now, so that its failure is reported before any request, and after
    // the flags apply, since an exec plugin may be told the cluster they select (ExecCluster).
    if (tokens.orElse(null) instanceof ExecPlugin exec) {
      ExecCredential credential = exec.credential();
      if (credential.token().isEmpty()) {
        config.setClientCertData(credential.clientCertificateData().orElseThrow());
        config.setClientKeyData(credential.clientKeyData().orElseThrow());
      }
    } else if (tokens.isPresent()) {
      tokens.get().getToken();
    }
    config.setClientKeyAlgo(keyAlgorithm(config));
    Optional<TlsProxyRelay> relay =
        proxyUrl.filter(ProxyUrls::isHttps).map(p -> relay(p, config, tlsServerName, timeout));
    Optional<String> clientProxy =
        relay.isPresent() ? relay.map(TlsProxyRelay::localUrl) : proxyUrl;
    // kubectl sends every request through the proxy-url; fabric8 would use an http:// one only
    // for http:// servers.
    config.setHttpProxy(clientProxy.orElse(null));
    config.setHttpsProxy(clientProxy.orElse(null));
    ConnectionOverrides.impersonate(config, authInfo, options);
    String namespace =
        options
            .namespace()
            .or(() -> Optional.ofNullable(context.getNamespace()).filter(ns -> !ns.isEmpty()))
            .orElse("default");
    config.setNamespace(namespace);
    // A CLI answers at once: no silent retries with backoff on a cluster that is down (throttled
    // requests are retried as client-go retries them: RetryAfter).
    config.setRequestRetryBackoffLimit(0);
    // HTTP/1.1: kube-apiserver ends an HTTP/2 connection with GOAWAY when it rejects a token, and
    // the JDK client then reports a broken connection instead of the 401 it was sent. One CLI
    // request gains nothing from HTTP/2 anyway.
    config.setHttp2Disable(true);
    timeout.ifPresent(
        t -> {
          config.setRequestTimeout((int) t.toMillis());
          config.setConnectionTimeout((int) t.toMillis());
        });
    Optional<ExecPlugin> exec =
        tokens.filter(ExecPlugin.class::isInstance).map(ExecPlugin.class::cast);
    try {
      return new Cluster(
          build(config, tlsServerName, exec),
          namespace,
          config.getMasterUrl(),
          relay.<AutoCloseable>map(r -> r).orElse(() -> {}));
    } catch (RuntimeException e) {
      relay.ifPresent(TlsProxyRelay::close);
      throw e;
    }
  }

  /**
   * The loopback relay through which the JDK client reaches an https:// proxy, trusting the proxy
   * as Go's transport does: with the cluster's TLS settings, its tls-server-name (else the proxy's
   * host) as the name to check.
   */
  private static TlsProxyRelay relay(
      String proxyUrl, Config config, Optional<String> tlsServerName, Optional<Duration> timeout) {
    URI proxy = URI.create(proxyUrl);
    String name = tlsServerName.orElse(proxy.getHost());
    try {
      TrustManager[] trust = SSLUtils.trustManagers(config);
      if (!config.isTrustCerts()) {
        trust = ServerNameTrust.wrap(trust, name);
      }
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(SSLUtils.keyManagers(config), trust, null);
      return TlsProxyRelay.start(
          proxy,
          tls.getSocketFactory(),
          name,
          (int) timeout.orElse(Duration.ofSeconds(10)).toMillis());
    } catch (Exception e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot use the https proxy-url "
              + proxyUrl
              + ": "
              + ApiErrors.oneLine(e)
              + "; fix the kubeconfig's certificates or proxy-url",
          e);
    }
  }

  /** The client, built inside the error handling: what fabric8 refuses here is exit 4. */
  private static KubernetesClient build(
      Config config, Optional<String> tlsServerName, Optional<ExecPlugin> exec) {
    try {
      return new KubernetesClientBuilder()
          .withConfig(config)
          .withHttpClientBuilderConsumer(
              builder -> {
                RetryAfter.install(builder);
                exec.ifPresent(
                    plugin ->
                        builder.addOrReplaceInterceptor(
                            ExecRefreshOn401.NAME, new ExecRefreshOn401(plugin)));
                tlsServerName.ifPresent(
                    name -> {
                      try {
                        builder.sslContext(
                            SSLUtils.keyManagers(config),
                            ServerNameTrust.wrap(SSLUtils.trustManagers(config), name));
                      } catch (Exception e) {
                        throw new IllegalStateException(ApiErrors.oneLine(e), e);
                      }
                    });
              })
          .build();
    } catch (RuntimeException e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "cannot connect to "
              + config.getMasterUrl()
              + " with this kubeconfig: "
              + ApiErrors.oneLine(e)
              + "; fix the kubeconfig's certificates, keys or proxy-url",
          e);
    }
  }

  /**
   * Who provides the bearer token, as client-go picks it: {@code --token}, else the user's {@code
   * tokenFile} (re-read), its {@code token}, its {@code exec} plugin, its {@code oidc}
   * auth-provider ({@link OidcToken}, refreshed and written back to its file). A user without any
   * (certificates only) gets a provider of no token, so that fabric8 never re-reads the kubeconfig
   * by its own rules after a 401.
   */
  private Optional<OAuthTokenProvider> credentials(
      ClusterOptions options,
      AuthInfo user,
      String userName,
      Optional<Path> userFile,
      Config config,
      Optional<NamedCluster> cluster) {
    if (options.token().isPresent()) {
      return Optional.of(new FixedToken(options.token().get()));
    }
    if (present(user.getTokenFile())) {
      Path file = Path.of(user.getTokenFile());
      if (!file.isAbsolute() && userFile.isPresent()) {
        file = userFile.get().toAbsolutePath().getParent().resolve(file).normalize();
      }
      return Optional.of(new TokenFile(file, userName));
    }
    if (present(user.getToken())) {
      return Optional.of(new FixedToken(user.getToken()));
    }
    if (user.getExec() != null) {
      return Optional.of(
          new ExecPlugin(
              user.getExec(),
              userFile,
              userName,
              terminal,
              clock,
              () ->
                  ExecCluster.of(
                      options
                          .server()
                          .or(() -> cluster.map(c -> c.getCluster().getServer()))
                          .orElse(""),
                      config,
                      cluster.map(NamedCluster::getCluster),
                      options
                          .tlsServerName()
                          .or(() -> cluster.map(c -> c.getCluster().getTlsServerName())))));
    }
    AuthProviderConfig provider = user.getAuthProvider();
    if (provider != null) {
      if (!"oidc".equals(provider.getName())) {
        throw new PluginException(
            ExitCodes.CLUSTER_UNUSABLE,
            "user \""
                + userName
                + "\" uses the auth-provider \""
                + provider.getName()
                + "\", which kubectl no longer supports (only oidc is left); switch the user to"
                + " its exec credential plugin");
      }
      return Optional.of(new OidcToken(config, userName, clock));
    }
    return Optional.of(new FixedToken(null));
  }

  private NamedContext selectContext(Kubeconfigs kubeconfigs, ClusterOptions options) {
    Optional<String> name = options.context().or(kubeconfigs::currentContext);
    Optional<NamedContext> found = name.flatMap(kubeconfigs::context);
    if (found.isEmpty() && options.context().isPresent()) {
      throw notInKubeconfig(
          "context", options.context().get(), kubeconfigs, kubeconfigs.contextNames());
    }
    if (found.isEmpty() && options.server().isEmpty()) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "the kubeconfig ("
              + kubeconfigs.where()
              + ") has no current context; pass --context NAME"
              + " or run: kubectl config use-context NAME");
    }
    Context base = found.map(NamedContext::getContext).orElseGet(Context::new);
    Context context = new Context();
    context.setCluster(options.cluster().orElse(base.getCluster()));
    context.setUser(options.user().orElse(base.getUser()));
    context.setNamespace(base.getNamespace());
    context.setExtensions(base.getExtensions());
    NamedContext effective = new NamedContext(context, found.map(NamedContext::getName).orElse(""));
    found.ifPresent(f -> f.getAdditionalProperties().forEach(effective::setAdditionalProperty));
    return effective;
  }

  private static PluginException notInKubeconfig(
      String what, String name, Kubeconfigs kubeconfigs, List<String> names) {
    return new PluginException(
        ExitCodes.CLUSTER_UNUSABLE,
        what
            + " \""
            + name
            + "\" is not in the kubeconfig ("
            + kubeconfigs.where()
            + "); use one of: "
            + String.join(", ", names));
  }

  /** The file fabric8 noted this user came from. */
  private static Optional<Path> file(NamedAuthInfo user) {
    return user.getAdditionalProperties().values().stream()
        .filter(File.class::isInstance)
        .map(f -> ((File) f).toPath())
        .findFirst();
  }

  /**
   * The client key's algorithm from its PEM header (fabric8's own detection also reads an
   * environment variable kubectl ignores).
   */
  private static String keyAlgorithm(Config config) {
    try {
      byte[] pem =
          present(config.getClientKeyData())
              ? Base64.getDecoder().decode(config.getClientKeyData().trim())
              : present(config.getClientKeyFile())
                  ? Files.readAllBytes(Path.of(config.getClientKeyFile()))
                  : null;
      if (pem == null) {
        return null;
      }
      String algorithm = Config.getKeyAlgorithm(new ByteArrayInputStream(pem));
      return algorithm == null ? null : algorithm.toUpperCase(Locale.ROOT);
    } catch (Exception unreadable) {
      // fabric8 reports an unreadable key when it builds the client.
      return config.getClientKeyAlgo();
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isEmpty();
  }
}
