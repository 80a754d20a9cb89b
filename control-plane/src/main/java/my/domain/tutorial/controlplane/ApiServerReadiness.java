package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One look at a time at whether kube-apiserver serves /readyz to the admin yet. */
final class ApiServerReadiness {
  private final Path certificate;
  private final URI readyz;
  private final String adminToken;
  private final Runnable requireAlive;
  private String lastProblem = "not started";
  private HttpClient http;

  ApiServerReadiness(
      ControlPlaneConfig config, String server, String adminToken, Runnable requireAlive) {
    this.certificate = config.dataDir().resolve("certs/apiserver.crt");
    this.readyz = URI.create(server + "/readyz");
    this.adminToken = adminToken;
    this.requireAlive = requireAlive;
  }

  /** kube-apiserver's self-signed serving certificate, which it writes when it starts. */
  Path certificate() {
    return certificate;
  }

  String lastProblem() {
    return lastProblem;
  }

  boolean ready() {
    requireAlive.run();
    if (http == null) {
      if (!Files.exists(certificate)) {
        return false;
      }
      // Trust exactly the certificate this API server wrote.
      http =
          HttpClient.newBuilder()
              .sslContext(AdminAccess.trusting(certificate))
              .connectTimeout(Duration.ofSeconds(2))
              .build();
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(readyz)
                  .header("Authorization", "Bearer " + adminToken)
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      lastProblem = "/readyz answered " + response.statusCode();
      return response.statusCode() == 200;
    } catch (IOException e) {
      lastProblem = e.toString();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for kube-apiserver", e);
    }
  }
}
