package my.domain.tutorial.controlplane.node;

import java.nio.file.Path;

/**
 * The fixed, machine-wide names of the one real node a machine runs at a time: its state and data
 * folders (every mount, socket and config of the node lies under them, and every process of the
 * node names one of them on its command line, which is how a crashed run's leftovers are found),
 * its bridge and addresses. Logs go to the run's data folder instead.
 */
public record NodeLayout(Path state, Path data, Path lock, String bridge, String nodeName) {
  /** The Pods' subnet on the bridge; the gateway is the host's (and kube-apiserver's) address. */
  public static final String POD_SUBNET = "10.244.0.0/24";

  public static final String GATEWAY = "10.244.0.1";

  public static NodeLayout standard() {
    return new NodeLayout(
        Path.of("/run/foo-operator-node"),
        Path.of("/var/lib/foo-operator-node"),
        Path.of("/run/foo-operator-node.lock"),
        "foonode0",
        "foo-operator-node");
  }

  public Path containerdSocket() {
    return state.resolve("containerd.sock");
  }

  /** runc's state for containerd's {@code k8s.io} namespace (the runtime's {@code Root} option). */
  public Path runcRoot() {
    return state.resolve("runc");
  }

  /** Containers' logs (the kubelet's podLogsDir); it links each from /var/log/containers. */
  public Path podLogs() {
    return data.resolve("pod-logs");
  }

  public Path kubeletRoot() {
    return data.resolve("kubelet");
  }
}
