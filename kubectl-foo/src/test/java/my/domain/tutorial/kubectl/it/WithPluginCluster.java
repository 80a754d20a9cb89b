package my.domain.tutorial.kubectl.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a plugin IT works with, set before each test (and before the test class's own
 * {@code @BeforeEach}): the control plane, its admin client, a namespace of the test's own, and
 * kubectl as the admin ({@link PluginCluster}).
 */
@ExtendWith(PluginCluster.class)
abstract class WithPluginCluster {
  ControlPlane cp;
  KubernetesClient admin;
  TestNamespace ns;
  Kubectl kubectl;

  @BeforeEach
  final void connect(ControlPlane cp, TestNamespace ns, Kubectl kubectl) {
    this.cp = cp;
    this.admin = cp.adminClient();
    this.ns = ns;
    this.kubectl = kubectl;
  }
}
