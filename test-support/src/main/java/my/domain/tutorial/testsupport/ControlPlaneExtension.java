package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives an integration test what it works with, as parameters of its test, {@code @BeforeEach} or
 * {@code @BeforeAll} methods:
 *
 * <ul>
 *   <li>{@link ControlPlane}: the one control plane of the test run, started when the first test
 *       class needs it, shared by every class after, stopped when the run ends;
 *   <li>{@link KubernetesClient}: its admin client;
 *   <li>{@link TestNamespace}: a namespace of the test's own, a new one for each such parameter,
 *       named after the test class, and deleted with what the test made in it when the method's
 *       scope ends (after {@code @AfterEach} for a test or {@code @BeforeEach}, after
 *       {@code @AfterAll} for a {@code @BeforeAll}).
 * </ul>
 *
 * Tests isolate themselves by namespace. Use with {@code @ExtendWith(ControlPlaneExtension.class)}.
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
    Class<?> type = parameter.getParameter().getType();
    return type == ControlPlane.class
        || type == KubernetesClient.class
        || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ControlPlane.class) {
      return controlPlane(context);
    }
    if (type == KubernetesClient.class) {
      return controlPlane(context).adminClient();
    }
    TestNamespace ns = TestNamespace.create(controlPlane(context).adminClient(), prefix(context));
    // Closed by JUnit when this context ends: the method's, or the class's for @BeforeAll.
    context.getStore(NS).put(ns.name(), (ExtensionContext.Store.CloseableResource) ns::close);
    return ns;
  }

  /** The test class's name, lower case, without "IT": FooStatusIT's namespaces are foostatus-... */
  private static String prefix(ExtensionContext context) {
    String name = context.getRequiredTestClass().getSimpleName().replaceAll("IT$", "");
    String prefix = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return prefix.substring(0, Math.min(prefix.length(), 40));
  }

  /** The run's control plane, started on first use. */
  protected static ControlPlane controlPlane(ExtensionContext context) {
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
