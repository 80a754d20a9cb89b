package my.domain.tutorial.kubectl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake API server that answers lists as kube-apiserver does when the client asks for pages: a
 * list request with {@code limit} gets one object per page (a server may send fewer than the limit)
 * and a continue token while more remain, with the count of those (unless the list has selectors);
 * without {@code limit}, everything at once. A list of a path it was not given is empty; anything
 * else is 404. It records every request, so a test can see what the client asked for.
 */
public final class PagingApiServer implements AutoCloseable {
  /** One GET the server answered: its path and its decoded query parameters. */
  public record Request(String path, Map<String, String> query) {}

  private final HttpServer server;
  private final Map<String, List<? extends HasMetadata>> lists;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private PagingApiServer(Map<String, List<? extends HasMetadata>> lists) throws IOException {
    this.lists = lists;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code lists}: for each collection path, the objects it holds, in order. */
  public static PagingApiServer serving(Map<String, List<? extends HasMetadata>> lists) {
    try {
      return new PagingApiServer(lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests made to {@code path}, in order. */
  public List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    requests.add(new Request(path, query));
    boolean isList = query.containsKey("limit") || lists.containsKey(path) || isCollection(path);
    if ("GET".equals(exchange.getRequestMethod()) && !isList) {
      int slash = path.lastIndexOf('/');
      String name = path.substring(slash + 1);
      var item =
          lists.getOrDefault(path.substring(0, slash), List.of()).stream()
              .filter(o -> o.getMetadata().getName().equals(name))
              .findFirst();
      if (item.isPresent()) {
        reply(exchange, 200, Serialization.asJson(item.get()));
        return;
      }
    }
    if (!"GET".equals(exchange.getRequestMethod()) || !isList) {
      reply(
          exchange,
          404,
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
              + "\"reason\":\"NotFound\",\"code\":404,\"message\":\"not found\"}");
      return;
    }
    List<? extends HasMetadata> all = lists.getOrDefault(path, List.of());
    int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
    int to = query.containsKey("limit") ? Math.min(from + 1, all.size()) : all.size();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resourceVersion", "42");
    if (to < all.size()) {
      metadata.put("continue", Integer.toString(to));
      if (!query.containsKey("labelSelector") && !query.containsKey("fieldSelector")) {
        metadata.put("remainingItemCount", all.size() - to);
      }
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("metadata", metadata);
    list.put("items", new ArrayList<>(all.subList(from, to)));
    reply(exchange, 200, Serialization.asJson(list));
  }

  /** A collection path ends with a resource name: its segment count is even past the prefix. */
  private static boolean isCollection(String path) {
    String[] segments = path.substring(1).split("/");
    int prefix = segments[0].equals("api") ? 2 : 3;
    return (segments.length - prefix) % 2 == 1;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void reply(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
