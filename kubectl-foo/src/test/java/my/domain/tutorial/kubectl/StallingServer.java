package my.domain.tutorial.kubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on the loopback address that accepts every connection and never answers: what a client
 * sees of a hung API server or a black-holing proxy. Only a timeout ends a request to it.
 */
public final class StallingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private StallingServer(ServerSocket socket) {
    this.socket = socket;
    acceptor = new Thread(this::accept, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static StallingServer start() {
    try {
      return new StallingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its plain-HTTP address, as a kubeconfig's {@code server}. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** How many connections it accepted (and holds without a reply). */
  public int accepted() {
    return held.size();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        // Held open, never read from nor written to, until close().
        held.add(socket.accept());
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
      for (Socket s : held) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
