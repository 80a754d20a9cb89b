package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.ThreadLocalRandom;

/** A namespace of its own for one test; deleting it removes everything the test made in it. */
public final class TestNamespace implements AutoCloseable {
  private static final String FOO_CRD = "foos.tutorial.my.domain";

  private final KubernetesClient admin;
  private final String name;

  private TestNamespace(KubernetesClient admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  public static TestNamespace create(KubernetesClient admin, String prefix) {
    String name =
        prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 30), 36);
    admin
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app.kubernetes.io/part-of", "foo-operator-tests")
                .endMetadata()
                .build())
        .create();
    return new TestNamespace(admin, name);
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    // No namespace controller runs, so the namespace itself stays Terminating; its Foos and Pods
    // are what the next tests could trip over, so delete those explicitly first. A held Pod (see
    // TestPods.held) that a failed test did not release would stay Terminating in the caches of
    // every later operator: release it first.
    for (Pod pod : admin.pods().inNamespace(name).list().getItems()) {
      if (pod.getMetadata().getFinalizers().contains(TestPods.HOLD)) {
        TestPods.release(admin, name, pod.getMetadata().getName());
      }
    }
    admin.pods().inNamespace(name).withGracePeriod(0).delete();
    // A test of the cluster alone (no operator) may run before any test installed the CRD.
    if (admin.apiextensions().v1().customResourceDefinitions().withName(FOO_CRD).get() != null) {
      admin.genericKubernetesResources("tutorial.my.domain/v1", "Foo").inNamespace(name).delete();
    }
    admin.namespaces().withName(name).delete();
  }
}
