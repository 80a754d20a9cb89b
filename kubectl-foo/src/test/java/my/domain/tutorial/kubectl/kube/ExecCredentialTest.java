package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A credential plugin's stdout, read as client-go reads an ExecCredential. */
class ExecCredentialTest {
  static final String V1 = "client.authentication.k8s.io/v1";

  @Test
  void aTokenWithAnExpiry_isValidUntilThen() throws Exception {
    ExecCredential c =
        ExecCredential.parse(
            "{\"kind\":\"ExecCredential\",\"apiVersion\":\""
                + V1
                + "\",\"status\":{\"token\":\"abc\",\"expirationTimestamp\":\"2030-01-01T00:00:00Z\"}}",
            V1);

    assertThat(c.token()).contains("abc");
    assertThat(c.validAt(Instant.parse("2029-12-31T23:59:59Z"))).isTrue();
    assertThat(c.validAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  void aCertificateAndKey_withoutExpiry_staysValid() throws Exception {
    ExecCredential c =
        ExecCredential.parse(
            "{\"kind\":\"ExecCredential\",\"apiVersion\":\""
                + V1
                + "\",\"status\":{\"clientCertificateData\":\"C\",\"clientKeyData\":\"K\"}}",
            V1);

    assertThat(c.token()).isEmpty();
    assertThat(c.clientCertificateData()).contains("C");
    assertThat(c.validAt(Instant.MAX)).isTrue();
  }

  @Test
  void unusableAnswers_sayWhy() {
    assertThatThrownBy(() -> ExecCredential.parse("login ok\n{}", V1))
        .hasMessageStartingWith("its output is not JSON");
    assertThatThrownBy(
            () -> ExecCredential.parse("{\"kind\":\"Other\",\"apiVersion\":\"" + V1 + "\"}", V1))
        .hasMessage("its output has kind \"Other\", not ExecCredential");
    assertThatThrownBy(
            () ->
                ExecCredential.parse(
                    "{\"kind\":\"ExecCredential\",\"apiVersion\":\"" + V1 + "\",\"status\":{}}",
                    V1))
        .hasMessage("its status has neither a token nor a client certificate and key");
    assertThatThrownBy(
            () ->
                ExecCredential.parse(
                    "{\"kind\":\"ExecCredential\",\"apiVersion\":\""
                        + V1
                        + "\","
                        + "\"status\":{\"token\":\"t\",\"expirationTimestamp\":\"tomorrow\"}}",
                    V1))
        .hasMessage("its expirationTimestamp \"tomorrow\" is not an RFC 3339 time");
  }
}
