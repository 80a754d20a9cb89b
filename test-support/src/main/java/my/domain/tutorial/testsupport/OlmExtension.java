package my.domain.tutorial.testsupport;

import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.olm.ClusterControllers;
import my.domain.tutorial.controlplane.olm.Olm;
import my.domain.tutorial.controlplane.olm.OlmBinaries;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link OlmCluster} for the run: started when the first test class needs it (the
 * OLM binaries are provisioned by {@code hack/olm} if not cached), stopped when the run ends. Where
 * OLM's sources cannot be had, every test class using it is skipped with the reason ({@link
 * OlmTier}). Use with {@code @ExtendWith(OlmExtension.class)} and an {@link OlmCluster} parameter.
 */
public class OlmExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(OlmExtension.class);

  private final OlmTier tier = new OlmTier();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return tier.evaluateExecutionCondition(context);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OlmCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  private static OlmCluster cluster(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent(
            "olm-cluster", key -> Shared.start(OlmTier.binaries(context)), Shared.class)
        .cluster;
  }

  /** Closed by JUnit when the root context closes, that is at the end of the run. */
  private static final class Shared
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final OlmCluster cluster;
    final ClusterControllers controllers;

    final Thread reaper;

    private Shared(OlmCluster cluster, ClusterControllers controllers) {
      this.cluster = cluster;
      this.controllers = controllers;
      // The control plane reaps its own processes; these would otherwise outlive a JVM that exits
      // without closing the store.
      this.reaper =
          new Thread(
              () -> {
                cluster.olm().kill();
                controllers.kill();
              },
              "olm-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
    }

    static Shared start(OlmBinaries binaries) {
      ControlPlane cp =
          ControlPlane.start(ControlPlaneBinaries.locate(), ControlPlaneConfig.throwaway());
      ClusterControllers controllers = null;
      try {
        controllers = ClusterControllers.start(cp, binaries);
        Olm olm = Olm.start(cp, binaries);
        return new Shared(new OlmCluster(cp, binaries, olm), controllers);
      } catch (RuntimeException e) {
        if (controllers != null) {
          controllers.close();
        }
        cp.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the reaper runs or ran
      }
      try {
        cluster.olm().close();
        controllers.close();
      } finally {
        cluster.controlPlane().close();
      }
    }
  }
}
