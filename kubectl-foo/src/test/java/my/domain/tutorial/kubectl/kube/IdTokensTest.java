package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** An id-token is used until 10 seconds before its exp, as client-go uses it. */
class IdTokensTest {
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void aTokenExpiringLaterThanTenSecondsFromNow_isValid_andOneExpiringSooner_isNot()
      throws Exception {
    assertThat(IdTokens.validAt(jwt("{\"exp\":" + (NOW.getEpochSecond() + 11) + "}"), NOW))
        .isTrue();
    assertThat(IdTokens.validAt(jwt("{\"exp\":" + (NOW.getEpochSecond() + 10) + "}"), NOW))
        .isFalse();
    assertThat(IdTokens.validAt(jwt("{\"exp\":" + (NOW.getEpochSecond() - 3600) + "}"), NOW))
        .isFalse();
  }

  @Test
  void aPayloadInBase64url_withCharactersStandardBase64LacksAndExpBeyondInt_isRead()
      throws Exception {
    // The payload's "??" encodes with a '_', which standard base64 (fabric8's reading) rejects.
    String payload = "{\"sub\":\"??>\",\"exp\":4102444800000}";
    assertThat(jwt(payload).split("\\.")[1]).contains("_");

    assertThat(IdTokens.validAt(jwt(payload), NOW)).isTrue();
  }

  @Test
  void aTokenWithoutExp_isExpired_andATokenThatIsNoJwt_isInvalid() throws Exception {
    assertThat(IdTokens.validAt(jwt("{\"sub\":\"jane\"}"), NOW)).isFalse();
    assertThatThrownBy(() -> IdTokens.validAt("opaque-token", NOW))
        .isInstanceOf(IdTokens.Invalid.class)
        .hasMessageContaining("not a JWT");
  }

  static String jwt(String payload) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }
}
