package my.domain.tutorial.api.friendship;

import java.util.Objects;

/**
 * The friendship verdict of one Foo: happy or not, the reason, and a sentence a person can act on.
 */
public record Verdict(boolean happy, Reason reason, String message) {
  public Verdict {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
