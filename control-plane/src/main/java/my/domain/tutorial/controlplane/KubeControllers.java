package my.domain.tutorial.controlplane;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager and kube-scheduler against a {@link ControlPlane}: Deployments become
 * ReplicaSets and Pods, Pods are bound to a Node, namespaces are really deleted, garbage is
 * collected, and every namespace gets its {@code default} ServiceAccount and {@code
 * kube-root-ca.crt}. Both run without leader election or a serving port, as children of the given
 * {@link ProcessGroup} (logs beside the control plane's).
 */
public final class KubeControllers {
  private KubeControllers() {}

  /** Starts both in {@code group}; the group stops them. */
  public static void startIn(
      ProcessGroup group, ControlPlane cp, Path kubeControllerManager, Path kubeScheduler) {
    Path dir = cp.config().dataDir();
    String kubeconfig = cp.kubeconfig().toString();
    group.start(
        "kube-controller-manager",
        List.of(
            kubeControllerManager.toString(),
            "--kubeconfig",
            kubeconfig,
            "--service-account-private-key-file",
            dir.resolve("sa.key").toString(),
            "--root-ca-file",
            dir.resolve("certs/apiserver.crt").toString(),
            "--use-service-account-credentials",
            "--secure-port",
            "0",
            "--leader-elect=false"),
        Map.of());
    group.start(
        "kube-scheduler",
        List.of(
            kubeScheduler.toString(),
            "--kubeconfig",
            kubeconfig,
            "--secure-port",
            "0",
            "--leader-elect=false"),
        Map.of());
  }
}
