package my.domain.tutorial.kubectl.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OIDC issuer on loopback (http): the discovery document and a token endpoint that answers
 * the {@code refresh_token} grant of one client, under three issuer URLs that answer differently.
 * The id-token it hands out is whatever the test gives it (a token the API server already knows),
 * since the API server is not told about this issuer.
 */
final class OidcIssuer implements AutoCloseable {
  static final String CLIENT_ID = "corpus-client";
  static final String CLIENT_SECRET = "corpus-secret";
  static final String REFRESH_TOKEN = "corpus-refresh-1";
  static final String ROTATED_REFRESH_TOKEN = "corpus-refresh-2";

  /** How an issuer URL answers a valid refresh. */
  enum Answer {
    /** a new id-token and a new refresh token */
    ROTATING,
    /** a new id-token, no refresh token (the old one stays valid) */
    KEEPING,
    /** 400 invalid_grant, as an issuer answers a revoked refresh token */
    REFUSING
  }

  private final HttpServer server;
  private final String idToken;
  final Map<Answer, AtomicInteger> grants = new ConcurrentHashMap<>();

  OidcIssuer(String idToken) throws IOException {
    this.idToken = idToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    for (Answer answer : Answer.values()) {
      grants.put(answer, new AtomicInteger());
      String base = "/" + answer.name().toLowerCase(java.util.Locale.ROOT);
      server.createContext(
          base + "/.well-known/openid-configuration",
          exchange ->
              respond(
                  exchange,
                  200,
                  "{\"issuer\":\""
                      + url(answer)
                      + "\",\"token_endpoint\":\""
                      + url(answer)
                      + "/token\",\"response_types_supported\":[\"code\"]}"));
      server.createContext(base + "/token", exchange -> token(exchange, answer));
    }
    server.start();
  }

  String url(Answer answer) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/"
        + answer.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void token(HttpExchange exchange, Answer answer) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    boolean client =
        (CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret")))
            || ("Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .equals(basic);
    if (!"POST".equals(exchange.getRequestMethod()) || !client) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (!"refresh_token".equals(form.get("grant_type"))
        || !REFRESH_TOKEN.equals(form.get("refresh_token"))
        || answer == Answer.REFUSING) {
      respond(
          exchange,
          400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"corpus: the refresh token was"
              + " revoked\"}");
      return;
    }
    grants.get(answer).incrementAndGet();
    respond(
        exchange,
        200,
        "{\"access_token\":\"corpus-access\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"id_token\":\""
            + idToken
            + "\""
            + (answer == Answer.ROTATING
                ? ",\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\""
                : "")
            + "}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
