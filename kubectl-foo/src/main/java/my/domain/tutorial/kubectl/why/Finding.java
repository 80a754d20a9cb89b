package my.domain.tutorial.kubectl.why;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One thing {@code why} found: a stable code, what it means here, and what to do about it (absent
 * when nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "message", "fix"})
public record Finding(FindingCode code, String message, String fix) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
