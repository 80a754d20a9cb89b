package my.domain.tutorial.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real node as the harness runs it: it starts, runs a Pod, and leaves nothing on the host when
 * it stops, or when the run before it crashed. Skipped, loudly, where the machine cannot run a node
 * (not root, Debian packages missing); with {@code FOO_REQUIRE_REAL_NODE} set that is a failure.
 */
class NodeClusterIT {
  /** Per test, so each is reported skipped (a skipped class would report no test at all). */
  @BeforeEach
  void prerequisites() {
    List<String> missing = NodeBinaries.missingPrerequisites();
    if (!missing.isEmpty() && NodeBinaries.required()) {
      throw new IllegalStateException(
          NodeBinaries.REQUIRE_ENV + " is set: the real-node tier must run, but " + missing);
    }
    if (!missing.isEmpty()) {
      System.err.println("*** REAL-NODE TIER SKIPPED: " + missing + " ***");
    }
    Assumptions.assumeTrue(missing.isEmpty(), () -> "real-node tier skipped: " + missing);
  }

  @Test
  void aPodRunsOnTheNode_andStoppingLeavesNothingBehind() {
    NodeCluster node = NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate());
    try {
      KubernetesClient admin = node.controlPlane().adminClient();
      admin.pods().inNamespace("default").resource(pausePod("sleeper")).create();

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          admin.pods().inNamespace("default").withName("sleeper").get().getStatus())
                      .satisfies(s -> assertThat(s.getPhase()).isEqualTo("Running"))
                      .satisfies(s -> assertThat(s.getPodIP()).startsWith("10.244.0.")));
      assertThat(node.leftovers()).as("what a running node holds").isNotEmpty();
    } finally {
      node.close();
    }

    assertThat(node.leftovers()).isEmpty();
  }

  @Test
  void aStartAfterACrashedRun_removesWhatThatRunLeft() {
    NodeCluster crashed = NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate());
    crashed
        .controlPlane()
        .adminClient()
        .pods()
        .inNamespace("default")
        .resource(pausePod("left"))
        .create();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "Running"
                    .equals(
                        crashed
                            .controlPlane()
                            .adminClient()
                            .pods()
                            .inNamespace("default")
                            .withName("left")
                            .get()
                            .getStatus()
                            .getPhase()));
    crashed.abandon();
    assertThat(crashed.leftovers())
        .as("what the crashed run left")
        .anyMatch(l -> l.startsWith("process "))
        .anyMatch(l -> l.startsWith("mount "))
        .anyMatch(l -> l.startsWith("iptables "))
        .anyMatch(l -> l.startsWith("bridge "));

    NodeCluster next = NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate());
    next.close();

    assertThat(next.leftovers()).isEmpty();
  }

  private static Pod pausePod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("pause")
        .withImage(NodeBinaries.locate().pauseImageName())
        .withImagePullPolicy("Never")
        .endContainer()
        .withTerminationGracePeriodSeconds(1L)
        .endSpec()
        .build();
  }
}
