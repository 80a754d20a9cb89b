package my.domain.tutorial.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * A condition in the standard Kubernetes shape (metav1.Condition), so generic tooling such as
 * {@code kubectl wait --for=condition=Happy} understands it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FooCondition {
  /** The one condition type Foo sets. */
  public static final String HAPPY = "Happy";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  @Required
  @JsonPropertyDescription("Type of the condition, in CamelCase. Foo sets Happy.")
  private String type;

  @Required
  @Pattern("^(True|False|Unknown)$")
  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("The metadata.generation of the Foo this condition was computed for.")
  private Long observedGeneration;

  @Required
  @JsonPropertyDescription("When the condition last changed status (RFC 3339).")
  private String lastTransitionTime;

  @Required
  @Size(max = 1024)
  @JsonPropertyDescription(
      "Machine-readable CamelCase reason for the status: FriendFound, FriendNotFound, FriendTerminating or NoFriendNamed.")
  private String reason;

  @Size(max = 32768)
  @JsonPropertyDescription("Human-readable explanation of the status.")
  private String message;

  public FooCondition() {}

  public FooCondition(
      String type,
      String status,
      Long observedGeneration,
      String lastTransitionTime,
      String reason,
      String message) {
    this.type = type;
    this.status = status;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
    this.reason = reason;
    this.message = message;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FooCondition c
        && Objects.equals(type, c.type)
        && Objects.equals(status, c.status)
        && Objects.equals(observedGeneration, c.observedGeneration)
        && Objects.equals(lastTransitionTime, c.lastTransitionTime)
        && Objects.equals(reason, c.reason)
        && Objects.equals(message, c.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, observedGeneration, lastTransitionTime, reason, message);
  }

  @Override
  public String toString() {
    return type
        + "="
        + status
        + " ("
        + reason
        + ", gen "
        + observedGeneration
        + ", since "
        + lastTransitionTime
        + ")";
  }
}
