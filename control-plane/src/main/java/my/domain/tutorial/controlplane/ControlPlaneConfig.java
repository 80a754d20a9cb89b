package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a control plane keeps its data and which loopback ports it uses.
 *
 * @param deleteOnClose the data directory is deleted when the control plane closes
 * @param nodeAddress null: kube-apiserver serves on loopback only (Pods stay API objects); else the
 *     address where a real node's Pods reach it (the node bridge's gateway): kube-apiserver then
 *     listens on every address, advertises this one (the {@code kubernetes} Service's endpoint),
 *     clients use it, and ServiceAccount admission is on (kube-controller-manager creates them)
 */
public record ControlPlaneConfig(
    Path dataDir,
    int etcdPort,
    int etcdPeerPort,
    int apiServerPort,
    boolean deleteOnClose,
    String nodeAddress) {

  public ControlPlaneConfig(
      Path dataDir, int etcdPort, int etcdPeerPort, int apiServerPort, boolean deleteOnClose) {
    this(dataDir, etcdPort, etcdPeerPort, apiServerPort, deleteOnClose, null);
  }

  /** The same control plane, reachable from a real node's Pods at {@code address}. */
  public ControlPlaneConfig withNodeAddress(String address) {
    return new ControlPlaneConfig(
        dataDir, etcdPort, etcdPeerPort, apiServerPort, deleteOnClose, address);
  }

  /** The address clients use: loopback, or the node address when there is one. */
  public String apiServerHost() {
    return nodeAddress == null ? "127.0.0.1" : nodeAddress;
  }

  /** A throwaway control plane on free ports, for a test run. */
  public static ControlPlaneConfig throwaway() {
    try {
      return new ControlPlaneConfig(
          Files.createTempDirectory("foo-control-plane-"),
          freePort(),
          freePort(),
          freePort(),
          true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A control plane whose data survives restarts, on fixed ports, for `make run`. */
  public static ControlPlaneConfig persistent(Path dataDir, int apiServerPort) {
    return new ControlPlaneConfig(
        dataDir, apiServerPort + 10000, apiServerPort + 10001, apiServerPort, false);
  }

  /** A port on loopback that nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
