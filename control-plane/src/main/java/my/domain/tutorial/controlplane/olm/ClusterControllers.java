package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.KubeControllers;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.ProcessGroup;

/**
 * What turns a bare API server into a cluster that runs Deployments, without a container runtime:
 * kube-controller-manager (Deployments to ReplicaSets to Pods, garbage collection, namespace
 * deletion, ServiceAccount tokens), kube-scheduler (binds Pods to a Node) and kwok, which plays the
 * kubelet of one fake Node: Pods bound to it turn Running and Ready, no container ever starts.
 */
public final class ClusterControllers implements AutoCloseable {
  /** The annotation kwok manages Nodes by (the one its own docs use). */
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  public static final String NODE_NAME = "kwok-node-0";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final ProcessGroup processes;

  private ClusterControllers(ProcessGroup processes) {
    this.processes = processes;
  }

  public static ClusterControllers start(ControlPlane cp, OlmBinaries binaries) {
    Path dir = cp.config().dataDir();
    String kubeconfig = cp.kubeconfig().toString();
    ProcessGroup started = new ProcessGroup(dir);
    try {
      KubeControllers.startIn(
          started, cp, binaries.kubeControllerManager(), binaries.kubeScheduler());
      registerFakeNode(cp.adminClient());
      List<String> kwok =
          new ArrayList<>(
              List.of(
                  binaries.kwok().toString(),
                  "--kubeconfig",
                  kubeconfig,
                  "--manage-nodes-with-annotation-selector",
                  KWOK_NODE_ANNOTATION + "=fake",
                  // The Node's heartbeat: without a renewed Lease, kube-controller-manager marks
                  // the
                  // Node unreachable after about 50 s and nothing is scheduled on it any more.
                  "--node-lease-duration-seconds",
                  "40",
                  // No kubelet API: nothing here asks for logs or exec.
                  "--node-port",
                  "0",
                  "--server-address",
                  ""));
      for (Path stage : stages(binaries.kwokStages())) {
        kwok.add("--config");
        kwok.add(stage.toString());
      }
      started.start("kwok", kwok, Map.of());
      ClusterControllers controllers = new ClusterControllers(started);
      controllers.awaitNodeReady(cp.adminClient());
      return controllers;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private static List<Path> stages(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> stages = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      if (stages.isEmpty()) {
        throw new IllegalStateException(dir + " holds no kwok stages; run hack/olm");
      }
      return stages;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read kwok stages in " + dir, e);
    }
  }

  /** The Node kwok plays; kwok's node stage gives it capacity and the Ready condition. */
  private static void registerFakeNode(KubernetesClient admin) {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(NODE_NAME)
            .addToAnnotations(KWOK_NODE_ANNOTATION, "fake")
            .addToLabels("kubernetes.io/hostname", NODE_NAME)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("kubernetes.io/arch", "amd64")
            .addToLabels("type", "kwok")
            .endMetadata()
            .build();
    admin.resource(node).forceConflicts().serverSideApply();
  }

  private void awaitNodeReady(KubernetesClient admin) {
    boolean ready =
        Poll.until(
            () -> {
              processes.requireAlive();
              Node node = admin.nodes().withName(NODE_NAME).get();
              return node != null
                  && node.getStatus() != null
                  && node.getStatus().getConditions() != null
                  && node.getStatus().getConditions().stream()
                      .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            },
            READY_TIMEOUT,
            Duration.ofMillis(200));
    if (!ready) {
      throw new IllegalStateException(
          "kwok's Node "
              + NODE_NAME
              + " did not turn Ready within "
              + READY_TIMEOUT.toSeconds()
              + "s; see "
              + processes.logs().get(2));
    }
  }

  /** Throws, naming the log to read, when one of the processes is no longer running. */
  public void requireAlive() {
    processes.requireAlive();
  }

  public void kill() {
    processes.kill();
  }

  @Override
  public void close() {
    processes.close();
  }
}
