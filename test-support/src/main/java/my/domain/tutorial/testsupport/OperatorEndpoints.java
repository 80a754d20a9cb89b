package my.domain.tutorial.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import my.domain.tutorial.operator.FooOperator;

/**
 * What a test reads from a running operator's probe and metrics endpoints. Probes are plain HTTP;
 * {@code /metrics} is HTTPS when the operator serves it securely, read with a bearer token as
 * Prometheus reads it, accepting the operator's self-signed certificate (as a ServiceMonitor with
 * {@code insecureSkipVerify} does).
 */
public final class OperatorEndpoints {
  private OperatorEndpoints() {}

  /**
   * GET on one of the operator's endpoints: {@code (status, body)}; -1 when unreachable. {@code
   * metricsSecure}: the operator serves {@code /metrics} over HTTPS (its settings say so).
   */
  public static Probe probe(FooOperator operator, boolean metricsSecure, String path) {
    return probe(operator, metricsSecure, path, Optional.empty());
  }

  /**
   * As {@link #probe(FooOperator, boolean, String)}, sending {@code token} as a bearer token if
   * given.
   */
  public static Probe probe(
      FooOperator operator, boolean metricsSecure, String path, Optional<String> token) {
    boolean metrics = path.equals("/metrics");
    int port = metrics ? operator.metricsPort() : operator.healthPort();
    String scheme = metrics && metricsSecure ? "https" : "http";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + path))
            .timeout(Duration.ofSeconds(5));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .sslContext(acceptingAnyServer())
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Probe(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Probe(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, "interrupted");
    }
  }

  /** The sum of a metric's samples, read over plain HTTP without a token. */
  public static double metric(FooOperator operator, String name) {
    return metric(operator, false, name, Optional.empty());
  }

  /** The operator's whole {@code /metrics} exposition; anything but a 200 throws. */
  public static String metrics(
      FooOperator operator, boolean metricsSecure, Optional<String> token) {
    Probe scrape = probe(operator, metricsSecure, "/metrics", token);
    if (scrape.status() != 200) {
      throw new IllegalStateException(
          "GET /metrics answered " + scrape.status() + ": " + scrape.body());
    }
    return scrape.body();
  }

  /** The sum of a metric's samples (all label sets); a failed scrape or missing series throws. */
  public static double metric(
      FooOperator operator, boolean metricsSecure, String name, Optional<String> token) {
    return PrometheusText.sum(metrics(operator, metricsSecure, token), name);
  }

  /**
   * Whether the operator says on {@code /metrics} that it leads: it reconciles and may write (with
   * leader election, it holds a fresh renewal of the Lease).
   */
  public static boolean leads(FooOperator operator, boolean metricsSecure, Optional<String> token) {
    return metric(operator, metricsSecure, LEADING, token) == 1.0;
  }

  /** The gauge that is 1 while the operator leads. */
  public static final String LEADING = "foo_operator_leading";

  public record Probe(int status, String body) {}

  private static SSLContext acceptingAnyServer() {
    TrustManager any =
        new X509ExtendedTrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {any}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
