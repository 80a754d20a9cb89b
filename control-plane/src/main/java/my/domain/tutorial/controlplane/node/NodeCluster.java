package my.domain.tutorial.controlplane.node;

import io.fabric8.kubernetes.api.model.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import my.domain.tutorial.controlplane.ChildProcess;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.KubeControllers;
import my.domain.tutorial.controlplane.Poll;
import my.domain.tutorial.controlplane.ProcessGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control plane with one real node: etcd and kube-apiserver (listening where Pods reach it),
 * kube-controller-manager and kube-scheduler, containerd with runc, the kubelet, kube-proxy and a
 * CNI bridge, and a local image registry. Every process logs to {@code <data dir>/logs/}; a failure
 * names the log. One such node runs on a machine at a time (a file lock); starting first removes
 * whatever a crashed run left, and closing leaves no process, mount, iptables chain or bridge
 * behind ({@link NodeCleanup}).
 */
public final class NodeCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeCluster.class);
  private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);

  private final NodeLayout layout;
  private final NodeBinaries binaries;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread reaper = new Thread(this::killNow, "node-reaper");
  private ControlPlane controlPlane;
  private ProcessGroup processes;
  private int registryPort;

  private NodeCluster(
      NodeLayout layout, NodeBinaries binaries, FileChannel lockChannel, FileLock lock) {
    this.layout = layout;
    this.binaries = binaries;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Starts everything on a throwaway control plane and returns once the Node is Ready. */
  public static NodeCluster start(ControlPlaneBinaries cpBinaries, NodeBinaries binaries) {
    NodeLayout layout = NodeLayout.standard();
    FileChannel channel;
    FileLock lock;
    try {
      channel =
          FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = acquire(channel, layout);
    } catch (IOException e) {
      throw HostCommand.unchecked("cannot lock " + layout.lock(), e);
    }
    NodeCluster cluster = new NodeCluster(layout, binaries, channel, lock);
    Runtime.getRuntime().addShutdownHook(cluster.reaper);
    try {
      cluster.startAll(cpBinaries);
      return cluster;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw HostCommand.unchecked("cannot start the node", (IOException) e);
    }
  }

  private static FileLock acquire(FileChannel channel, NodeLayout layout) throws IOException {
    FileLock[] held = new FileLock[1];
    BooleanSupplier tryLock =
        () -> {
          try {
            held[0] = channel.tryLock();
            return held[0] != null;
          } catch (IOException e) {
            throw HostCommand.unchecked("cannot lock " + layout.lock(), e);
          }
        };
    if (!tryLock.getAsBoolean()) {
      log.warn("another run holds the real node ({}); waiting for it", layout.lock());
      if (!Poll.until(tryLock, LOCK_TIMEOUT, Duration.ofSeconds(1))) {
        channel.close();
        throw new IllegalStateException(
            "another run held the real node (" + layout.lock() + ") for " + LOCK_TIMEOUT);
      }
    }
    return held[0];
  }

  private void startAll(ControlPlaneBinaries cpBinaries) throws IOException {
    NodeCleanup cleanup = cleanup();
    List<String> left = cleanup.leftovers();
    if (!left.isEmpty()) {
      log.warn("removing what an earlier run left: {}", left);
    }
    cleanup.run();
    Files.createDirectories(layout.state());
    Files.createDirectories(layout.data());
    createBridge();

    controlPlane =
        ControlPlane.start(
            cpBinaries, ControlPlaneConfig.throwaway().withNodeAddress(NodeLayout.GATEWAY));
    Path dir = controlPlane.config().dataDir();
    processes = new ProcessGroup(dir);
    KubeControllers.startIn(
        processes, controlPlane, binaries.kubeControllerManager(), binaries.kubeScheduler());

    NodeConfigs configs = new NodeConfigs(layout, binaries);
    configs.writeContainerd();
    configs.writeCni();
    registryPort = ControlPlaneConfig.freePort();
    configs.writeRegistry(registryPort);
    configs.writeKubelet(ControlPlaneConfig.freePort(), ControlPlaneConfig.freePort());
    configs.writeKubeProxy(
        controlPlane.kubeconfig(), ControlPlaneConfig.freePort(), ControlPlaneConfig.freePort());

    ChildProcess containerd =
        processes.start(
            "containerd",
            List.of(
                "containerd",
                "--config",
                configs.containerdConfig().toString(),
                "--address",
                layout.containerdSocket().toString()),
            Map.of());
    await("containerd to serve " + layout.containerdSocket(), containerd, this::containerdUp);
    ctr("-n", "k8s.io", "images", "import", binaries.pauseImage().toString()).require();

    ChildProcess registry =
        processes.start(
            "docker-registry",
            List.of("docker-registry", "serve", configs.registryConfig().toString()),
            Map.of());
    await("the registry at " + registry(), registry, this::registryUp);

    ChildProcess kubelet =
        processes.start(
            "kubelet",
            List.of(
                binaries.kubelet().toString(),
                "--config",
                configs.kubeletConfig().toString(),
                "--kubeconfig",
                controlPlane.kubeconfig().toString(),
                "--root-dir",
                layout.kubeletRoot().toString(),
                "--hostname-override",
                layout.nodeName(),
                "--node-ip",
                NodeLayout.GATEWAY),
            Map.of());
    processes.start(
        "kube-proxy",
        List.of(binaries.kubeProxy().toString(), "--config", configs.kubeProxyConfig().toString()),
        Map.of());
    await("Node " + layout.nodeName() + " to be Ready", kubelet, this::nodeReady);
    // Pods are admitted once kube-controller-manager made the namespace's ServiceAccount.
    await(
        "kube-controller-manager to create the default ServiceAccount",
        processes.find("kube-controller-manager"),
        () ->
            controlPlane
                    .adminClient()
                    .serviceAccounts()
                    .inNamespace("default")
                    .withName("default")
                    .get()
                != null);
    log.info("node {} Ready; registry {}", layout.nodeName(), registry());
  }

  private NodeCleanup cleanup() {
    return new NodeCleanup(layout, Optional.of(binaries.kubeProxy()));
  }

  private void createBridge() {
    HostCommand.requireRun("ip", "link", "add", "name", layout.bridge(), "type", "bridge");
    HostCommand.requireRun("ip", "addr", "add", NodeLayout.GATEWAY + "/24", "dev", layout.bridge());
    HostCommand.requireRun("ip", "link", "set", layout.bridge(), "up");
  }

  /** Waits for {@code condition}; a dead process or the timeout fails, naming the log to read. */
  private void await(String what, ChildProcess main, BooleanSupplier condition) {
    boolean ok =
        Poll.until(
            () -> {
              processes.requireAlive();
              return condition.getAsBoolean();
            },
            START_TIMEOUT,
            POLL);
    if (!ok) {
      throw new IllegalStateException(
          "timed out after "
              + START_TIMEOUT.toSeconds()
              + "s waiting for "
              + what
              + "; see "
              + main.logFile());
    }
  }

  private boolean containerdUp() {
    return Files.exists(layout.containerdSocket()) && ctr("version").ok();
  }

  private HostCommand.Result ctr(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("ctr", "--address", layout.containerdSocket().toString()));
    command.addAll(List.of(args));
    return HostCommand.run(command);
  }

  private boolean registryUp() {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + registry() + "/v2/"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean nodeReady() {
    Node node = controlPlane.adminClient().nodes().withName(layout.nodeName()).get();
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public ControlPlane controlPlane() {
    return controlPlane;
  }

  /** The local registry, {@code 127.0.0.1:PORT}: push here, and Pods pull from here. */
  public String registry() {
    return "127.0.0.1:" + registryPort;
  }

  /**
   * The host pid of a container's main process, from runc's state, given the container ID as the
   * Pod's status reports it ({@code containerd://ID}).
   */
  public long containerPid(String containerId) {
    String id = containerId.replaceFirst("^containerd://", "");
    String state =
        HostCommand.run(
                "runc", "--root", layout.runcRoot().resolve("k8s.io").toString(), "state", id)
            .require()
            .output();
    java.util.regex.Matcher pid =
        java.util.regex.Pattern.compile("\"pid\":\\s*(\\d+)").matcher(state);
    if (!pid.find()) {
      throw new IllegalStateException("runc state of " + id + " names no pid: " + state);
    }
    return Long.parseLong(pid.group(1));
  }

  /** An image every Pod on the node can run without a pull (imagePullPolicy Never): pause. */
  public String pauseImage() {
    return binaries.pauseImageName();
  }

  public String nodeName() {
    return layout.nodeName();
  }

  public NodeLayout layout() {
    return layout;
  }

  /** The folder with every process's log. */
  public Path logs() {
    return controlPlane.config().dataDir().resolve("logs");
  }

  /** Throws, naming the log to read, when a process of the node is no longer running. */
  public void requireAlive() {
    processes.requireAlive();
  }

  /** What the node left on the host (processes, mounts, chains, bridge): empty after close. */
  public List<String> leftovers() {
    return cleanup().leftovers();
  }

  @Override
  public synchronized void close() {
    try {
      if (processes != null) {
        processes.close();
      }
      cleanup().run();
      if (controlPlane != null) {
        controlPlane.close();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the reaper runs
      }
      release();
    }
  }

  /**
   * What a run killed mid-way leaves: the node's processes get SIGKILL and nothing is cleaned
   * (containers, shims, mounts, iptables chains and the bridge stay); the lock is released. For
   * tests of the next start's clean-up.
   */
  public synchronized void abandon() {
    processes.kill();
    controlPlane.close();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the reaper runs
    }
    release();
  }

  private void release() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log.warn("cannot release {}: {}", layout.lock(), e.getMessage());
    }
  }

  /** On a JVM exit without close: kill, clean, and leave the control plane to its own reaper. */
  private void killNow() {
    if (processes != null) {
      processes.kill();
    }
    cleanup().run();
  }
}
