package my.domain.tutorial.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import my.domain.tutorial.operator.FooOperator;

/** What a test reads from a running operator's probe and metrics endpoints. */
public final class OperatorEndpoints {
  private OperatorEndpoints() {}

  /** GET on one of the operator's endpoints: {@code (status, body)}; -1 when unreachable. */
  public static Probe probe(FooOperator operator, String path) {
    int port = path.equals("/metrics") ? operator.metricsPort() : operator.healthPort();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new Probe(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Probe(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, "interrupted");
    }
  }

  /** The operator's whole {@code /metrics} exposition; anything but a 200 throws. */
  public static String metrics(FooOperator operator) {
    Probe scrape = probe(operator, "/metrics");
    if (scrape.status() != 200) {
      throw new IllegalStateException(
          "GET /metrics answered " + scrape.status() + ": " + scrape.body());
    }
    return scrape.body();
  }

  /** The sum of a metric's samples (all label sets); a failed scrape or missing series throws. */
  public static double metric(FooOperator operator, String name) {
    return PrometheusText.sum(metrics(operator), name);
  }

  public record Probe(int status, String body) {}
}
