package my.domain.tutorial.testsupport;

import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one control plane of the test run: started when the first test class needs it,
 * shared by every class after, stopped when the run ends. Tests isolate themselves by namespace.
 * Use with {@code @ExtendWith(ControlPlaneExtension.class)} and a {@link ControlPlane} parameter.
 */
public class ControlPlaneExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(ControlPlaneExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    controlPlane(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return controlPlane(context);
  }

  private static ControlPlane controlPlane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("control-plane", key -> new Shared(), Shared.class)
        .controlPlane;
  }

  /** Closed by JUnit when the root context closes, that is at the end of the run. */
  private static final class Shared
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final ControlPlane controlPlane =
        ControlPlane.start(ControlPlaneBinaries.locate(), ControlPlaneConfig.throwaway());

    @Override
    public void close() {
      controlPlane.close();
    }
  }
}
