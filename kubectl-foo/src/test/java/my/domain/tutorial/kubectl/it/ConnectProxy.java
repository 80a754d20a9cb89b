package my.domain.tutorial.kubectl.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback that answers CONNECT by tunnelling to one port of 127.0.0.1, whatever
 * host the client named: a kubeconfig whose server name resolves nowhere works only through it.
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  final AtomicInteger tunnels = new AtomicInteger();

  ConnectProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "connect-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> tunnel(client), "connect-proxy-tunnel");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      String head = readHead(client.getInputStream());
      if (!head.startsWith("CONNECT ")) {
        client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes());
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
        tunnels.incrementAndGet();
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Thread up = pipe(client.getInputStream(), upstream.getOutputStream());
        pipe(upstream.getInputStream(), client.getOutputStream()).join();
        up.join(1000);
      }
    } catch (IOException | InterruptedException e) {
      // The client or the API server went away: the tunnel ends.
    }
  }

  private static Thread pipe(InputStream in, OutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(out);
                out.flush();
              } catch (IOException ended) {
                // One side closed.
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int b; matched < end.length && (b = in.read()) >= 0; ) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
