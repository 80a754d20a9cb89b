package my.domain.tutorial.api.v1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Foo names a friend: a Pod in the Foo's own namespace. Its status says whether the friend is
 * there.
 */
@JsonClassDescription(
    "A Foo names a friend Pod in its own namespace; the operator reports in status whether the friend is there.")
@Group(Foo.GROUP)
@Version(Foo.VERSION)
@Kind(Foo.KIND)
@Plural(Foo.PLURAL)
@Singular("foo")
@ShortNames("fo")
@AdditionalPrinterColumn(name = "Friend", jsonPath = ".spec.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "Happy", jsonPath = ".status.happy", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Happy\")].reason",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class Foo extends CustomResource<FooSpec, FooStatus> implements Namespaced {
  public static final String GROUP = "tutorial.my.domain";
  public static final String VERSION = "v1";
  public static final String KIND = "Foo";
  public static final String PLURAL = "foos";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  /**
   * Convenience for tests and the plugin: a Foo in {@code namespace} befriending {@code friend}.
   */
  public static Foo of(String namespace, String name, String friend) {
    Foo foo = new Foo();
    foo.getMetadata().setNamespace(namespace);
    foo.getMetadata().setName(name);
    foo.setSpec(new FooSpec(friend));
    return foo;
  }

  @Override
  @Required
  @JsonPropertyDescription("What the user asks for: the friend Pod to look for.")
  public FooSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "What the operator observed about the friend Pod. Written by the operator only.")
  public FooStatus getStatus() {
    return super.getStatus();
  }

  /**
   * The friend's Pod name; null when the Foo has no spec or no spec.name (possible for old stored
   * Foos).
   */
  public String friendName() {
    return getSpec() == null ? null : getSpec().getName();
  }
}
