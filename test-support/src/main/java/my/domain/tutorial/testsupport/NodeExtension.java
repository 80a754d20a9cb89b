package my.domain.tutorial.testsupport;

import java.util.List;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.node.NodeBinaries;
import my.domain.tutorial.controlplane.node.NodeCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests the one {@link NodeCluster} of the run (a control plane with a real node and a local
 * registry): started when the first test class needs it, stopped when the run ends. Where the
 * machine cannot run a node (not root, Debian packages missing: {@link
 * NodeBinaries#missingPrerequisites()}) the classes are skipped with a banner naming what is
 * missing, never passed; where {@code FOO_REQUIRE_REAL_NODE} is set ({@code .ci/run} sets it) that
 * is a failure instead. Use with {@code @ExtendWith(NodeExtension.class)} and a {@link NodeCluster}
 * parameter.
 */
public class NodeExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
  private static final Logger log = LoggerFactory.getLogger(NodeExtension.class);
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NodeExtension.class);

  /**
   * Disables the class, with the reason, where the machine cannot run a node (JUnit then reports it
   * skipped and runs no {@code @BeforeAll}); fails instead where the tier is required.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = NodeBinaries.missingPrerequisites();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("this machine can run a real node");
    }
    if (NodeBinaries.required()) {
      throw new IllegalStateException(
          NodeBinaries.REQUIRE_ENV + " is set: the real-node tier must run, but " + missing);
    }
    String why = "REAL-NODE TIER SKIPPED: this machine cannot run a node: " + missing;
    log.warn("*".repeat(100));
    log.warn(why);
    log.warn("*".repeat(100));
    return ConditionEvaluationResult.disabled(why);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == NodeCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  private static NodeCluster cluster(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("node-cluster", key -> new Shared(), Shared.class)
        .cluster;
  }

  /** Closed by JUnit when the root context closes, that is at the end of the run. */
  private static final class Shared
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final NodeCluster cluster =
        NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate());

    @Override
    public void close() {
      cluster.close();
    }
  }
}
