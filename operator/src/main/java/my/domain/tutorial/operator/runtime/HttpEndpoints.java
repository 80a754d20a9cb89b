package my.domain.tutorial.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** A tiny HTTP server for probes or metrics: GET paths answered by suppliers of (status, body). */
public final class HttpEndpoints implements AutoCloseable {
  public record Reply(int status, String contentType, String body) {
    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain; charset=utf-8", body);
    }
  }

  private final HttpServer server;

  private HttpEndpoints(HttpServer server) {
    this.server = server;
  }

  public static Builder on(int port) {
    return new Builder(port);
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

    private Builder(int port) {
      try {
        server = HttpServer.create(new InetSocketAddress(port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
      }
      server.setExecutor(
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "http-" + port);
                t.setDaemon(true);
                return t;
              }));
    }

    public Builder get(String path, Supplier<Reply> handler) {
      server.createContext(path, exchange -> answer(exchange, path, handler));
      return this;
    }

    public HttpEndpoints start() {
      server.start();
      return new HttpEndpoints(server);
    }

    private static void answer(HttpExchange exchange, String path, Supplier<Reply> handler)
        throws IOException {
      try (exchange) {
        Reply reply;
        if (!exchange.getRequestURI().getPath().equals(path)) {
          reply = Reply.text(404, "not found\n");
        } else if (!"GET".equals(exchange.getRequestMethod())
            && !"HEAD".equals(exchange.getRequestMethod())) {
          reply = Reply.text(405, "only GET\n");
        } else {
          reply = handler.get();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
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
