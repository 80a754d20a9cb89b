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
 */
public record ControlPlaneConfig(
    Path dataDir, int etcdPort, int etcdPeerPort, int apiServerPort, boolean deleteOnClose) {

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
