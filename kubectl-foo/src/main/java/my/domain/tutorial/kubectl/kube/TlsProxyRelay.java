package my.domain.tutorial.kubectl.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@code https://} proxy-url for the JDK's HTTP client, which speaks to proxies only in clear
 * text: a relay on loopback that the client uses as its {@code http://} proxy, and that passes each
 * connection's bytes unchanged (the client's CONNECT, then the tunnelled TLS to the API server)
 * through a TLS connection to the real proxy. As Go's transport does for kubectl, the proxy's
 * certificate is checked with the cluster's TLS settings (its CA, client certificate, {@code
 * insecure-skip-tls-verify}; the name checked is the cluster's {@code tls-server-name}, else the
 * proxy's host): the caller passes the socket factory built from them. Only loopback clients can
 * reach the relay; it lives as long as the plugin's client.
 */
final class TlsProxyRelay implements AutoCloseable {
  private final ServerSocket local;
  private final URI proxy;
  private final SSLSocketFactory tls;
  private final String serverName;
  private final int connectTimeoutMillis;

  /** The reasons already printed: each connection that fails would print its own. */
  private final Set<String> told = ConcurrentHashMap.newKeySet();

  private TlsProxyRelay(
      URI proxy, SSLSocketFactory tls, String serverName, int connectTimeoutMillis)
      throws IOException {
    this.proxy = proxy;
    this.tls = tls;
    this.serverName = serverName;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.local = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "https-proxy-relay");
    accept.setDaemon(true);
    accept.start();
  }

  /**
   * Starts a relay to {@code proxy} (an https:// URL).
   *
   * @param serverName the name the proxy's certificate must carry (checked by {@code tls})
   */
  static TlsProxyRelay start(
      URI proxy, SSLSocketFactory tls, String serverName, int connectTimeoutMillis)
      throws IOException {
    return new TlsProxyRelay(proxy, tls, serverName, connectTimeoutMillis);
  }

  /** The http:// proxy URL the client is given: the relay, with the proxy's credentials if any. */
  String localUrl() {
    try {
      return new URI(
              "http",
              proxy.getRawUserInfo() == null ? null : proxy.getUserInfo(),
              "127.0.0.1",
              local.getLocalPort(),
              null,
              null,
              null)
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void accept() {
    while (!local.isClosed()) {
      try {
        Socket client = local.accept();
        Thread t = new Thread(() -> relay(client), "https-proxy-relay-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    int port = proxy.getPort() > 0 ? proxy.getPort() : 443;
    try (client;
        Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(proxy.getHost(), port), connectTimeoutMillis);
      try (SSLSocket upstream = (SSLSocket) tls.createSocket(plain, proxy.getHost(), port, true)) {
        SSLParameters parameters = upstream.getSSLParameters();
        if (!looksLikeAddress(serverName)) {
          parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        upstream.setSSLParameters(parameters);
        upstream.startHandshake();
        Thread up = pipe(client.getInputStream(), upstream.getOutputStream());
        pipe(upstream.getInputStream(), client.getOutputStream()).join();
        up.join(1000);
      }
    } catch (IOException e) {
      // The proxy cannot be reached or is not trusted: the client sees its proxy connection
      // closed, and reports the request as failed. It may try again on a new connection (how
      // often depends on timing), and the user is told each reason once.
      String reason =
          "error: the https proxy-url "
              + proxy.getHost()
              + ":"
              + port
              + ": "
              + ApiErrors.oneLine(rootCause(e));
      if (told.add(reason)) {
        System.err.println(reason);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What went wrong at the bottom (say the certificate check), in the words of whoever found it:
   * newer JDKs prefix a TLS failure's message with the alert they sent, so the native build (JDK
   * 25) and the JVM build (JDK 17+) would word the same failure differently.
   */
  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static boolean looksLikeAddress(String name) {
    return name.contains(":") || name.matches("[0-9.]+");
  }

  private static Thread pipe(InputStream in, OutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try (out) {
                in.transferTo(out);
              } catch (IOException ended) {
                // One side closed: so does the other.
              }
            },
            "https-proxy-relay-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() {
    try {
      local.close();
    } catch (IOException ignored) {
      // Nothing to release beyond the socket.
    }
  }
}
