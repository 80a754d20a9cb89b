package my.domain.tutorial.testsupport;

import java.util.List;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.node.NodeBinaries;
import my.domain.tutorial.controlplane.node.NodeCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
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
 * missing, never passed; where {@code CI} is set that is a failure instead. Use with
 * {@code @ExtendWith(NodeExtension.class)} and a {@link NodeCluster} parameter.
 */
public class NodeExtension implements BeforeAllCallback, ParameterResolver {
  private static final Logger log = LoggerFactory.getLogger(NodeExtension.class);
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NodeExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    List<String> missing = NodeBinaries.missingPrerequisites();
    if (!missing.isEmpty()) {
      String why = "REAL-NODE TIER SKIPPED: this machine cannot run a node: " + missing;
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the real-node tier, but " + missing);
      }
      log.warn("*".repeat(100));
      log.warn(why);
      log.warn("*".repeat(100));
      Assumptions.abort(why);
    }
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
