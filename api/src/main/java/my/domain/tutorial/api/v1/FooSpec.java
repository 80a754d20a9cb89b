package my.domain.tutorial.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SelectableField;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** What the user asks for: the name of the friend Pod. */
public class FooSpec {
  /** DNS-1123 subdomain, the rule Kubernetes applies to Pod names. */
  public static final String DNS1123_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  public static final int MAX_NAME_LENGTH = 253;

  @Required
  @SelectableField
  @Size(min = 1, max = MAX_NAME_LENGTH)
  @Pattern(DNS1123_SUBDOMAIN)
  @JsonPropertyDescription(
      "Name of the friend Pod, looked up in this Foo's own namespace. A DNS-1123 subdomain: "
          + "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters.")
  private String name;

  public FooSpec() {}

  public FooSpec(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FooSpec other && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return "FooSpec{name=" + name + "}";
  }
}
