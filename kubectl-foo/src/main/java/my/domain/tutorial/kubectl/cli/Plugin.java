package my.domain.tutorial.kubectl.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.kubectl.kube.ClientFactory;

/**
 * What a command may touch outside itself: its output streams, the environment it reads (for {@code
 * KUBECONFIG} and {@code HOME}), the clock, and how it gets a cluster client. One is made per
 * invocation; tests pass their own.
 */
public record Plugin(
    PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, ClientFactory clients) {

  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }
}
