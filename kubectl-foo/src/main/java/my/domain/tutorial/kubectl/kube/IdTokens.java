package my.domain.tutorial.kubectl.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Whether an OIDC id-token may still be sent, as client-go decides it: by the {@code exp} of the
 * JWT's payload (base64url without padding; none is expired), 10 seconds early. The signature is
 * not checked: that is the API server's job. Pure.
 */
final class IdTokens {
  /** client-go's expiryDelta: a token this close to its expiry is refreshed already. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  /** An id-token that is not a JWT with an {@code exp}; the message says why. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private IdTokens() {}

  static boolean validAt(String idToken, Instant now) throws Invalid {
    String[] parts = idToken.split("\\.", -1);
    if (parts.length != 3) {
      throw new Invalid("it is not a JWT (header.payload.signature)");
    }
    JsonNode claims;
    try {
      claims = Serialization.jsonMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | IOException e) {
      throw new Invalid("its payload is not base64url-encoded JSON");
    }
    JsonNode exp = claims == null ? null : claims.get("exp");
    if (exp == null || exp.isNull()) {
      return false; // client-go reads a missing exp as the zero time: expired
    }
    if (!exp.isNumber()) {
      throw new Invalid("its exp is not a number");
    }
    return now.plus(MARGIN).isBefore(Instant.ofEpochSecond(exp.asLong()));
  }
}
