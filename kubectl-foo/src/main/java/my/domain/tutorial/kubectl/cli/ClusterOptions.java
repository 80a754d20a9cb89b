package my.domain.tutorial.kubectl.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The kubectl-style connection flags every command that talks to a cluster has (a picocli mixin). */
public class ClusterOptions {
  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The namespace to use (default: the kubeconfig context's namespace, else 'default').")
  String namespace;

  @Option(names = "--context", paramLabel = "CONTEXT",
      description = "The kubeconfig context to use (default: the current context).")
  String context;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The kubeconfig file to use (default: $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "0",
      description = "How long to wait for one API request: 30s, 1m, 2h; 0 for the client's default (10s).")
  String requestTimeout;

  public ClusterOptions() {
  }

  /** For tests and completion: options as if given on the command line. */
  public ClusterOptions(String namespace, String context, Path kubeconfig, String requestTimeout) {
    this.namespace = namespace;
    this.context = context;
    this.kubeconfig = kubeconfig;
    this.requestTimeout = requestTimeout == null ? "0" : requestTimeout;
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace).filter(s -> !s.isEmpty());
  }

  public Optional<String> context() {
    return Optional.ofNullable(context).filter(s -> !s.isEmpty());
  }

  public Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  public String requestTimeout() {
    return requestTimeout == null ? "0" : requestTimeout;
  }
}
