package my.domain.tutorial.kubectl.kube;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The kubectl connection flags (those of cli-runtime's ConfigFlags) every command that talks to a
 * cluster has (a picocli mixin). Each one overrides what the kubeconfig says, as in kubectl.
 */
public class ClusterOptions {
  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description =
          "The namespace to use (default: the kubeconfig context's namespace, else 'default').")
  String namespace;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "The kubeconfig file to use (default: $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "The kubeconfig context to use (default: the current context).")
  String context;

  @Option(
      names = "--cluster",
      paramLabel = "CLUSTER",
      description = "The kubeconfig cluster to use (default: the context's).")
  String clusterName;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "The kubeconfig user to use (default: the context's).")
  String user;

  @Option(
      names = {"-s", "--server"},
      paramLabel = "URL",
      description = "The address of the Kubernetes API server (default: the cluster's).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "A bearer token to authenticate to the API server with.")
  String token;

  @Option(
      names = "--as",
      paramLabel = "USER",
      description = "The user to impersonate for the operation.")
  String as;

  @Option(
      names = "--as-group",
      paramLabel = "GROUP",
      description = "A group to impersonate for the operation; repeat it for several groups.")
  List<String> asGroups = new ArrayList<>();

  @Option(
      names = "--as-uid",
      paramLabel = "UID",
      description = "The UID to impersonate for the operation.")
  String asUid;

  @Option(
      names = "--certificate-authority",
      paramLabel = "FILE",
      description = "A cert file for the certificate authority.")
  Path certificateAuthority;

  @Option(
      names = "--client-certificate",
      paramLabel = "FILE",
      description = "A client certificate file for TLS.")
  Path clientCertificate;

  @Option(names = "--client-key", paramLabel = "FILE", description = "A client key file for TLS.")
  Path clientKey;

  @Option(
      names = "--insecure-skip-tls-verify",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description = "Do not check the server's certificate (makes HTTPS connections insecure).")
  Boolean insecureSkipTlsVerify;

  @Option(
      names = "--tls-server-name",
      paramLabel = "NAME",
      description =
          "The server name to check the server's certificate against (default: the server's host name).")
  String tlsServerName;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      defaultValue = "0",
      description =
          "How long to wait for one API request: 30s, 1m, 2h; 0 for the client's default (10s).")
  String requestTimeout;

  public ClusterOptions() {}

  /** For tests and completion: options as if given on the command line. */
  public ClusterOptions(String namespace, String context, Path kubeconfig, String requestTimeout) {
    this.namespace = namespace;
    this.context = context;
    this.kubeconfig = kubeconfig;
    this.requestTimeout = requestTimeout == null ? "0" : requestTimeout;
  }

  /**
   * For tests and completion: the options these command-line words give, as a command would see
   * them.
   */
  public static ClusterOptions parse(String... args) {
    return CommandLine.populateCommand(new ClusterOptions(), args);
  }

  public Optional<String> namespace() {
    return present(namespace);
  }

  public Optional<String> context() {
    return present(context);
  }

  public Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  public Optional<String> cluster() {
    return present(clusterName);
  }

  public Optional<String> user() {
    return present(user);
  }

  public Optional<String> server() {
    return present(server);
  }

  public Optional<String> token() {
    return present(token);
  }

  public Optional<String> as() {
    return present(as);
  }

  public List<String> asGroups() {
    return asGroups == null ? List.of() : asGroups.stream().filter(g -> !g.isEmpty()).toList();
  }

  public Optional<String> asUid() {
    return present(asUid);
  }

  public Optional<Path> certificateAuthority() {
    return Optional.ofNullable(certificateAuthority);
  }

  public Optional<Path> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  public Optional<Path> clientKey() {
    return Optional.ofNullable(clientKey);
  }

  /** Empty when the flag is not given: the kubeconfig decides. */
  public Optional<Boolean> insecureSkipTlsVerify() {
    return Optional.ofNullable(insecureSkipTlsVerify);
  }

  public Optional<String> tlsServerName() {
    return present(tlsServerName);
  }

  public String requestTimeout() {
    return requestTimeout == null ? "0" : requestTimeout;
  }

  private static Optional<String> present(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isEmpty());
  }
}
