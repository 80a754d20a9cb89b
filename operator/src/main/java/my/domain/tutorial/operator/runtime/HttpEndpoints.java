package my.domain.tutorial.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP(S) server for probes or metrics: GET paths answered by suppliers of (status, body),
 * optionally behind a guard that may answer first (authentication, authorization).
 *
 * <p>The JDK's server reads a request on one of its worker threads, so a client that sends its
 * request slowly (or never finishes it) holds that thread. Every server here bounds the time a
 * request may take to arrive and its response to be read to {@link #REQUEST_TIME_LIMIT}: a slow or
 * stalled client is disconnected then, and cannot starve {@code /healthz}. The JDK reads these
 * bounds once, from system properties, before its first server starts; one set on the command line
 * wins.
 */
public final class HttpEndpoints implements AutoCloseable {
  /** How long a request may take to arrive, and its response to be read. */
  public static final Duration REQUEST_TIME_LIMIT = Duration.ofSeconds(5);

  private static final int WORKERS = 4;

  static {
    String seconds = Long.toString(REQUEST_TIME_LIMIT.toSeconds());
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", seconds);
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", seconds);
    }
  }

  public record Reply(int status, String contentType, String body) {
    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain; charset=utf-8", body);
    }
  }

  /**
   * Looks at a request's {@code Authorization} header (empty if none) before it is answered: a
   * reply refuses it, empty lets it through.
   */
  public interface Guard extends Function<Optional<String>, Optional<Reply>> {}

  private final HttpServer server;

  private HttpEndpoints(HttpServer server) {
    this.server = server;
  }

  /** Plain HTTP on {@code port} (0 picks a free one). */
  public static Builder on(int port) {
    return new Builder(port, null);
  }

  /** HTTPS with {@code tls} on {@code port} (0 picks a free one). */
  public static Builder onHttps(int port, SSLContext tls) {
    return new Builder(port, tls);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static final class Builder {
    private final HttpServer server;
    private Guard guard = header -> Optional.empty();

    private Builder(int port, SSLContext tls) {
      try {
        if (tls == null) {
          server = HttpServer.create(new InetSocketAddress(port), 0);
        } else {
          HttpsServer https = HttpsServer.create(new InetSocketAddress(port), 0);
          https.setHttpsConfigurator(new HttpsConfigurator(tls));
          server = https;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
      }
      server.setExecutor(
          Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("http-" + port)));
    }

    /** Every path of this server passes {@code guard} first. */
    public Builder guardedBy(Guard guard) {
      this.guard = guard;
      return this;
    }

    public Builder get(String path, Supplier<Reply> handler) {
      server.createContext(path, exchange -> answer(exchange, path, handler));
      return this;
    }

    public HttpEndpoints start() {
      server.start();
      return new HttpEndpoints(server);
    }

    private void answer(HttpExchange exchange, String path, Supplier<Reply> handler)
        throws IOException {
      try (exchange) {
        Reply reply;
        if (!exchange.getRequestURI().getPath().equals(path)) {
          reply = Reply.text(404, "not found\n");
        } else if (!"GET".equals(exchange.getRequestMethod())
            && !"HEAD".equals(exchange.getRequestMethod())) {
          reply = Reply.text(405, "only GET\n");
        } else {
          reply =
              guard
                  .apply(
                      Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))
                  .orElseGet(handler);
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.status() == 401) {
          exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
        if (!head) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
    }
  }
}
