package my.domain.tutorial.kubectl.it;

import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTP proxy on loopback that answers CONNECT by tunnelling to one port of 127.0.0.1, whatever
 * host the client named: a kubeconfig whose server name resolves nowhere works only through it.
 * {@link #tls} makes it an https:// proxy (the client speaks TLS to the proxy itself).
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final String scheme;
  final AtomicInteger tunnels = new AtomicInteger();

  ConnectProxy(int target) throws IOException {
    this(target, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
  }

  /** An https:// proxy presenting this certificate and key (PEM files). */
  static ConnectProxy tls(int target, Path certificate, Path key) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        SSLUtils.keyManagers(
            null, certificate.toString(), null, key.toString(), "RSA", "changeit", null, null),
        null,
        null);
    return new ConnectProxy(
        target,
        tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        "https");
  }

  private ConnectProxy(int target, ServerSocket server, String scheme) {
    this.target = target;
    this.server = server;
    this.scheme = scheme;
    Thread accept = new Thread(this::accept, "connect-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getLocalPort();
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
