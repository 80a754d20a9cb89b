package my.domain.tutorial.kubectl.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * The plugin ITs' cluster: {@link ControlPlaneExtension}'s control plane, admin client and
 * namespaces, the Foo CRD installed before a test class's first test, and {@link Kubectl} as a
 * parameter: the control plane's kubectl as its admin, with a home directory of the class's own
 * (kubectl keeps its discovery cache there), deleted after the class. Use with
 * {@code @ExtendWith(PluginCluster.class)}.
 */
final class PluginCluster extends ControlPlaneExtension {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(PluginCluster.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    super.beforeAll(context);
    OperatorUnderTest.installCrd(controlPlane(context).adminClient());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Kubectl.class
        || super.supportsParameter(parameter, context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() != Kubectl.class) {
      return super.resolveParameter(parameter, context);
    }
    return Kubectl.admin(controlPlane(context), home(context));
  }

  /** The test class's kubectl home, made on first use and deleted when the class's context ends. */
  private static Path home(ExtensionContext context) {
    ExtensionContext testClass = context;
    while (testClass.getTestMethod().isPresent() && testClass.getParent().isPresent()) {
      testClass = testClass.getParent().get();
    }
    return testClass.getStore(NS).getOrComputeIfAbsent("home", key -> new Home(), Home.class).dir;
  }

  private static final class Home implements ExtensionContext.Store.CloseableResource {
    final Path dir;

    Home() {
      try {
        dir = Files.createTempDirectory("kubectl-home-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
