package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration files of the node's processes, written under the node's state folder. Each
 * setting that is not a default is one this machine (cgroup v1 hybrid, root without
 * CAP_SYS_RESOURCE) needs; issue #22 lists how each was found.
 */
final class NodeConfigs {
  private final NodeLayout layout;
  private final NodeBinaries binaries;

  NodeConfigs(NodeLayout layout, NodeBinaries binaries) {
    this.layout = layout;
    this.binaries = binaries;
  }

  Path containerdConfig() {
    return layout.state().resolve("containerd.toml");
  }

  Path cniConfDir() {
    return layout.state().resolve("cni");
  }

  Path registryHostsDir() {
    return layout.state().resolve("certs.d");
  }

  Path kubeletConfig() {
    return layout.state().resolve("kubelet.yaml");
  }

  Path kubeProxyConfig() {
    return layout.state().resolve("kube-proxy.yaml");
  }

  Path registryConfig() {
    return layout.state().resolve("registry.yaml");
  }

  /**
   * containerd: its own root, state and socket; the CRI plugin with runc (crun refuses cgroup v1
   * hybrid) on cgroupfs, {@code restrict_oom_score_adj} (runc may not lower oom_score_adj here),
   * the pause image imported by the harness, network namespaces under the state folder, Debian's
   * CNI plugins, and registry hosts (plain HTTP for the local registry) from {@code certs.d}.
   */
  void writeContainerd() throws IOException {
    String state = layout.state().toString();
    write(
        containerdConfig(),
        """
        version = 2
        root = "%1$s/containerd"
        state = "%2$s/containerd"
        [grpc]
          address = "%3$s"
        [ttrpc]
          address = ""
        [debug]
          address = ""
        [metrics]
          address = ""
        [plugins."io.containerd.internal.v1.opt"]
          path = "%1$s/opt"
        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "%4$s"
          restrict_oom_score_adj = true
          netns_mounts_under_state_dir = true
          enable_cdi = false
          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "overlayfs"
            default_runtime_name = "runc"
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                SystemdCgroup = false
                Root = "%5$s"
          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "%6$s"
            conf_dir = "%7$s"
          [plugins."io.containerd.grpc.v1.cri".registry]
            config_path = "%8$s"
        """
            .formatted(
                layout.data(),
                state,
                layout.containerdSocket(),
                binaries.pauseImageName(),
                layout.runcRoot(),
                binaries.cniBinDir(),
                cniConfDir(),
                registryHostsDir()));
  }

  /**
   * The bridge the harness made, Pods on its subnet, no masquerading (they only reach the host).
   */
  void writeCni() throws IOException {
    write(
        cniConfDir().resolve("10-foo-node.conflist"),
        """
        {
          "cniVersion": "1.0.0",
          "name": "foo-node",
          "plugins": [
            {
              "type": "bridge",
              "bridge": "%s",
              "isGateway": true,
              "ipMasq": false,
              "hairpinMode": true,
              "ipam": {
                "type": "host-local",
                "dataDir": "%s",
                "ranges": [[{"subnet": "%s", "gateway": "%s"}]],
                "routes": [{"dst": "0.0.0.0/0"}]
              }
            },
            {"type": "loopback"}
          ]
        }
        """
            .formatted(
                layout.bridge(),
                layout.state().resolve("cni-ipam"),
                NodeLayout.POD_SUBNET,
                NodeLayout.GATEWAY));
  }

  /** The local registry on {@code 127.0.0.1:port}, reachable by containerd over plain HTTP. */
  void writeRegistry(int port) throws IOException {
    write(
        registryConfig(),
        """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """
            .formatted(layout.data().resolve("registry"), port));
    String host = "127.0.0.1:" + port;
    write(
        registryHostsDir().resolve(host).resolve("hosts.toml"),
        """
        server = "http://%1$s"
        [host."http://%1$s"]
          capabilities = ["pull", "resolve"]
        """
            .formatted(host));
  }

  /**
   * The kubelet: cgroupfs, no QoS cgroups or node allocatable enforcement (cgroup v1 hybrid, no
   * CAP_SYS_RESOURCE), swap tolerated, no iptables utility chains; its API on the bridge gateway
   * only, open to the API server's {@code kubectl logs}/{@code exec} without client certificates.
   */
  void writeKubelet(int port, int healthzPort) throws IOException {
    write(
        kubeletConfig(),
        """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        address: %s
        port: %d
        readOnlyPort: 0
        healthzBindAddress: 127.0.0.1
        healthzPort: %d
        authentication:
          anonymous:
            enabled: true
          webhook:
            enabled: false
        authorization:
          mode: AlwaysAllow
        containerRuntimeEndpoint: unix://%s
        cgroupDriver: cgroupfs
        cgroupsPerQOS: false
        enforceNodeAllocatable: []
        failSwapOn: false
        makeIPTablesUtilChains: false
        serializeImagePulls: false
        registerNode: true
        podPidsLimit: -1
        evictionHard:
          memory.available: "1Mi"
          nodefs.available: "1%%"
          imagefs.available: "1%%"
        imageGCHighThresholdPercent: 100
        imageGCLowThresholdPercent: 99
        volumePluginDir: %s
        podLogsDir: %s
        """
            .formatted(
                NodeLayout.GATEWAY,
                port,
                healthzPort,
                layout.containerdSocket(),
                layout.data().resolve("volume-plugins"),
                layout.podLogs()));
  }

  /** kube-proxy in iptables mode, leaving conntrack's limits and timeouts as the host has them. */
  void writeKubeProxy(Path kubeconfig, int healthzPort, int metricsPort) throws IOException {
    write(
        kubeProxyConfig(),
        """
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        clientConnection:
          kubeconfig: %s
        mode: iptables
        hostnameOverride: %s
        clusterCIDR: %s
        healthzBindAddress: 127.0.0.1:%d
        metricsBindAddress: 127.0.0.1:%d
        conntrack:
          maxPerCore: 0
          min: 0
          tcpEstablishedTimeout: 0s
          tcpCloseWaitTimeout: 0s
        """
            .formatted(
                kubeconfig, layout.nodeName(), NodeLayout.POD_SUBNET, healthzPort, metricsPort));
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
