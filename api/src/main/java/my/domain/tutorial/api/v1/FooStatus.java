package my.domain.tutorial.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the operator observed. Written only by the operator, through the status subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FooStatus {
  @JsonPropertyDescription(
      "True when a Pod named spec.name exists in this Foo's namespace and is not being deleted.")
  private Boolean happy;

  @JsonPropertyDescription("The metadata.generation of the Foo that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Standard conditions; the Happy condition carries the reason and a human-readable message.")
  private List<FooCondition> conditions = new ArrayList<>();

  public Boolean getHappy() {
    return happy;
  }

  public void setHappy(Boolean happy) {
    this.happy = happy;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<FooCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<FooCondition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  @JsonIgnore
  public Optional<FooCondition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FooStatus other
        && Objects.equals(happy, other.happy)
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(happy, observedGeneration, conditions);
  }

  @Override
  public String toString() {
    return "FooStatus{happy="
        + happy
        + ", observedGeneration="
        + observedGeneration
        + ", conditions="
        + conditions
        + "}";
  }
}
