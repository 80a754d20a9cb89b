package my.domain.tutorial.localrun;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.node.NodeBinaries;
import my.domain.tutorial.controlplane.node.NodeCluster;
import my.domain.tutorial.controlplane.node.OperatorImage;
import my.domain.tutorial.controlplane.node.ShippedManifests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make deploy}: a local cluster with a real node, the operator image built by {@code
 * hack/images} and pushed to the node's registry, the CRD and the shipped manifests applied; it
 * prints how to reach the cluster and keeps it until Ctrl-C, which stops and cleans up everything.
 */
public final class NodeDeploy {
  private static final Logger log = LoggerFactory.getLogger(NodeDeploy.class);
  private static final Duration READY = Duration.ofMinutes(3);

  private NodeDeploy() {}

  public static void main(String[] args) throws Exception {
    List<String> missing = NodeBinaries.missingPrerequisites();
    if (!missing.isEmpty()) {
      System.err.println("cannot run a real node here: " + missing);
      System.exit(2);
    }
    NodeCluster node = NodeCluster.start(ControlPlaneBinaries.locate(), NodeBinaries.locate());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "deploy-stop"));
    KubernetesClient admin = node.controlPlane().adminClient();
    String image = OperatorImage.buildAndPush(node.registry(), "dev");
    ClusterResources.installCrd(admin, FooCrd.RESOURCE);
    ShippedManifests.load(admin).apply(admin, image);
    boolean running =
        Poll.until(
            () ->
                admin
                    .pods()
                    .inNamespace(OperatorDefaults.NAMESPACE)
                    .withLabel("app.kubernetes.io/name", "foo-operator")
                    .list()
                    .getItems()
                    .stream()
                    .anyMatch(NodeDeploy::ready),
            READY,
            Duration.ofSeconds(1));
    if (!running) {
      log.error("the operator's Pod is not Ready after {}; see {}", READY, node.logs());
    }
    System.out.printf(
        "%nThe operator runs as a Pod (image %s). Try:%n"
            + "  kubectl --kubeconfig %s -n %s get pods%n"
            + "Ctrl-C stops the cluster and removes everything it made.%n",
        image, node.controlPlane().kubeconfig(), OperatorDefaults.NAMESPACE);
    stopped.await();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
