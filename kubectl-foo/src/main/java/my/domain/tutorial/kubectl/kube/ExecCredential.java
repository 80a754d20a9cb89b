package my.domain.tutorial.kubectl.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a credential plugin answered on stdout (client.authentication.k8s.io ExecCredential), read
 * as client-go reads it: the {@code apiVersion} must be the one the kubeconfig asked for, and
 * {@code status} must hold a token or a client certificate and key. Read as a JSON tree, so no
 * class needs reflection metadata in the native binary. Pure: {@link #parse} throws {@link Invalid}
 * with the reason.
 *
 * @param expiresAt when the credential expires; empty: it does not (reuse it until a 401)
 */
public record ExecCredential(
    Optional<String> token,
    Optional<String> clientCertificateData,
    Optional<String> clientKeyData,
    Optional<Instant> expiresAt) {

  /** A plugin answer that cannot be used; the message says why. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  public static ExecCredential parse(String stdout, String expectedApiVersion) throws Invalid {
    JsonNode root;
    try {
      root = Serialization.jsonMapper().readTree(stdout);
    } catch (IOException e) {
      throw new Invalid("its output is not JSON (" + ApiErrors.oneLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new Invalid("its output is not an ExecCredential object");
    }
    String kind = root.path("kind").asText("");
    if (!"ExecCredential".equals(kind)) {
      throw new Invalid("its output has kind \"" + kind + "\", not ExecCredential");
    }
    String apiVersion = root.path("apiVersion").asText("");
    if (!apiVersion.equals(expectedApiVersion)) {
      throw new Invalid(
          "it answered with apiVersion \""
              + apiVersion
              + "\" but the kubeconfig asks for \""
              + expectedApiVersion
              + "\"");
    }
    JsonNode status = root.path("status");
    if (!status.isObject()) {
      throw new Invalid("its output has no status");
    }
    Optional<String> token = text(status, "token");
    Optional<String> cert = text(status, "clientCertificateData");
    Optional<String> key = text(status, "clientKeyData");
    if (token.isEmpty() && (cert.isEmpty() || key.isEmpty())) {
      throw new Invalid(
          cert.isPresent() || key.isPresent()
              ? "its status has only one of clientCertificateData and clientKeyData"
              : "its status has neither a token nor a client certificate and key");
    }
    Optional<Instant> expires = Optional.empty();
    Optional<String> ts = text(status, "expirationTimestamp");
    if (ts.isPresent()) {
      try {
        expires = Optional.of(Instant.parse(ts.get()));
      } catch (DateTimeParseException e) {
        throw new Invalid("its expirationTimestamp \"" + ts.get() + "\" is not an RFC 3339 time");
      }
    }
    return new ExecCredential(token, cert, key, expires);
  }

  /** Still usable at {@code now}. */
  public boolean validAt(Instant now) {
    return expiresAt.map(now::isBefore).orElse(true);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(v.asText());
  }
}
