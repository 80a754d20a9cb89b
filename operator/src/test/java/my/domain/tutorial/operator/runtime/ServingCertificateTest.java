package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingCertificateTest {
  @Test
  void theSelfSignedCertificate_isAValidX509v3_signedByItsOwnKey_forItsNames() throws Exception {
    Instant now = Instant.parse("2026-12-06T02:00:00Z");
    SelfSignedCertificate made =
        SelfSignedCertificate.generate(
            "foo-operator", List.of("localhost", "foo.example"), now, Duration.ofDays(365));
    X509Certificate cert = made.certificate();

    cert.verify(made.keys().getPublic());
    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=foo-operator");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "localhost"), List.of(2, "foo.example"));
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofHours(1)));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(365)));
    assertThat(cert.getSerialNumber().signum()).isPositive();
  }

  @Test
  void withNoCertificateMounted_metricsAreServedOverHttpsWithASelfSignedOne() throws Exception {
    SSLContext tls = ServingCertificate.tls(Optional.empty());
    try (HttpEndpoints metrics =
        HttpEndpoints.onHttps(0, tls).get("/metrics", () -> Reply.text(200, "m\n")).start()) {
      URI uri = URI.create("https://localhost:" + metrics.port() + "/metrics");
      HttpResponse<String> answer =
          HttpClient.newBuilder()
              .sslContext(trustingAnyServer())
              .build()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("m\n");
      X509Certificate served =
          (X509Certificate) answer.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=foo-operator");
    }
  }

  @Test
  void withACertificateMounted_itIsTheOneServed(@TempDir Path dir) throws Exception {
    SelfSignedCertificate mounted =
        SelfSignedCertificate.generate(
            "metrics.foo-system.svc",
            List.of("foo-operator-metrics.foo-system.svc", "localhost"),
            Instant.now(),
            Duration.ofDays(90));
    Files.writeString(
        dir.resolve("tls.crt"), pem("CERTIFICATE", mounted.certificate().getEncoded()));
    Files.writeString(
        dir.resolve("tls.key"), pem("PRIVATE KEY", mounted.keys().getPrivate().getEncoded()));

    SSLContext tls = ServingCertificate.tls(Optional.of(dir));
    try (HttpEndpoints metrics =
        HttpEndpoints.onHttps(0, tls).get("/metrics", () -> Reply.text(200, "m\n")).start()) {
      HttpResponse<String> answer =
          HttpClient.newBuilder()
              .sslContext(trustingAnyServer())
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + metrics.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.sslSession().orElseThrow().getPeerCertificates()[0])
          .isEqualTo(mounted.certificate());
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * A client context that accepts any server certificate, as a scraper configured with {@code
   * insecureSkipVerify} does for a self-signed one; the test checks the served certificate itself.
   */
  private static SSLContext trustingAnyServer() throws Exception {
    X509TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {any}, null);
    return client;
  }
}
