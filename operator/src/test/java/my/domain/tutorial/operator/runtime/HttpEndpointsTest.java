package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {
  @Test
  void clientsThatNeverFinishTheirRequest_cannotStarveHealthz() throws Exception {
    try (HttpEndpoints health =
        HttpEndpoints.on(0).get("/healthz", () -> Reply.text(200, "ok\n")).start()) {
      List<Socket> stalled = new ArrayList<>();
      try {
        // More stalled clients than the server has worker threads, each holding one.
        for (int i = 0; i < 12; i++) {
          Socket socket = new Socket("127.0.0.1", health.port());
          OutputStream out = socket.getOutputStream();
          out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          stalled.add(socket);
        }
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + health.port() + "/healthz"))
                        .timeout(HttpEndpoints.REQUEST_TIME_LIMIT.plus(Duration.ofSeconds(10)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aGuardAnswersBeforeTheHandler_with401CarryingTheBearerChallenge() throws Exception {
    try (HttpEndpoints metrics =
        HttpEndpoints.on(0)
            .guardedBy(
                header ->
                    header.isEmpty()
                        ? Optional.of(Reply.text(401, "Unauthorized\n"))
                        : Optional.empty())
            .get("/metrics", () -> Reply.text(200, "metrics\n"))
            .start()) {
      URI uri = URI.create("http://127.0.0.1:" + metrics.port() + "/metrics");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> anonymous =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> withToken =
          http.send(
              HttpRequest.newBuilder(uri).header("Authorization", "Bearer t").build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(withToken.statusCode()).isEqualTo(200);
      assertThat(withToken.body()).isEqualTo("metrics\n");
    }
  }
}
