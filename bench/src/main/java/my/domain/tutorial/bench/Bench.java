package my.domain.tutorial.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneConfig;

/**
 * What every scenario works on: the control plane, an admin client, the timestamping watch, the
 * table, and the operator process, which the restart scenario replaces.
 */
final class Bench implements AutoCloseable {
  static final Duration LONG = Duration.ofMinutes(5);
  static final List<String> SCALE_NAMESPACES =
      IntStream.range(0, 10).mapToObj(i -> "bench-" + i).toList();

  final ControlPlane cp;
  final KubernetesClient admin;
  final FooWatch watch;
  final Table table;
  final Path repo;
  final OperatorBuild build;
  private final Path logDir;
  private OperatorProcess operator;

  Bench(
      ControlPlane cp,
      KubernetesClient admin,
      FooWatch watch,
      Table table,
      Path repo,
      OperatorBuild build,
      Path logDir) {
    this.cp = cp;
    this.admin = admin;
    this.watch = watch;
    this.table = table;
    this.repo = repo;
    this.build = build;
    this.logDir = logDir;
  }

  OperatorProcess operator() {
    if (operator == null) {
      throw new IllegalStateException("the operator is not running");
    }
    return operator;
  }

  /**
   * Starts the operator, stopping the running one first; returns the new one. The Lease the old one
   * released is deleted first: its holder is another identity, which the new process would wait out
   * (the release leaves it one second, then the retry period), and start-up is measured to leading
   * with synced informers, not the election's back-off (docs/operator.md).
   */
  OperatorProcess restartOperator() {
    return restartOperator(OptionalLong.empty());
  }

  /** {@link #restartOperator()}, with the Deployment's memory limit raised to {@code limitMib}. */
  OperatorProcess restartOperator(OptionalLong limitMib) {
    return restartOperator(limitMib, OperatorProcess.READY_WITHIN);
  }

  /**
   * {@link #restartOperator(OptionalLong)}, waiting up to {@code readyWithin} for it to be ready
   * (where its informers have a large cluster to list).
   */
  OperatorProcess restartOperator(OptionalLong limitMib, Duration readyWithin) {
    close();
    admin
        .leases()
        .inNamespace(OperatorDefaults.NAMESPACE)
        .withName(OperatorDefaults.LEASE_NAME)
        .delete();
    operator =
        OperatorProcess.start(
            build,
            limitMib,
            cp.kubeconfig(),
            logDir.resolve("operator.log"),
            ControlPlaneConfig.freePort(),
            ControlPlaneConfig.freePort(),
            readyWithin);
    return operator;
  }

  /** Whether the operator process was started and has exited since. */
  boolean operatorExited() {
    return operator != null && !operator.isAlive();
  }

  /** Where the results (and the operator's log) are written. */
  Path outDir() {
    return logDir;
  }

  /** The namespace of the i-th Foo of a scale run. */
  static String scaleNamespace(int i) {
    return SCALE_NAMESPACES.get(i % SCALE_NAMESPACES.size());
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }
}
