package my.domain.tutorial.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRD the build generated and packs into the jar, as a cluster would receive it. */
class GeneratedCrdTest {
  static final String RESOURCE = "/" + FooCrd.RESOURCE;
  private static CustomResourceDefinition crd;
  private static CustomResourceDefinitionVersion v1;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = GeneratedCrdTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("generated CRD on the classpath").isNotNull();
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    v1 = crd.getSpec().getVersions().get(0);
  }

  @Test
  void namesTheFooKindInItsGroup() {
    assertThat(crd.getMetadata().getName()).isEqualTo("foos.tutorial.my.domain");
    assertThat(crd.getSpec().getGroup()).isEqualTo("tutorial.my.domain");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Foo");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("foos");
    assertThat(crd.getSpec().getVersions())
        .singleElement()
        .satisfies(v -> assertThat(v.getName()).isEqualTo("v1"))
        .satisfies(v -> assertThat(v.getServed()).isTrue())
        .satisfies(v -> assertThat(v.getStorage()).isTrue());
  }

  @Test
  void hasTheStatusSubresource() {
    assertThat(v1.getSubresources().getStatus()).isNotNull();
  }

  @Test
  void printerColumnsAreFriendHappyReasonAge_inThatOrder() {
    assertThat(v1.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Friend", "Happy", "Reason", "Age");
    assertThat(v1.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(
            ".spec.name",
            ".status.happy",
            ".status.conditions[?(@.type==\"Happy\")].reason",
            ".metadata.creationTimestamp");
  }

  @Test
  void specIsRequired_soAFooWithoutAFriendIsRejectedByTheApiServer() {
    assertThat(v1.getSchema().getOpenAPIV3Schema().getRequired()).containsExactly("spec");
  }

  @Test
  void specNameIsRequiredAndValidatedAsDns1123Subdomain() {
    JSONSchemaProps spec = props().get("spec");
    assertThat(spec.getRequired()).containsExactly("name");
    JSONSchemaProps name = spec.getProperties().get("name");
    assertThat(name.getMaxLength()).isEqualTo(253);
    assertThat(name.getMinLength()).isEqualTo(1);
    Pattern pattern = Pattern.compile(name.getPattern());
    assertThat(pattern.matcher("jack").matches()).isTrue();
    assertThat(pattern.matcher("jack-5d9f.web").matches()).isTrue();
    assertThat(pattern.matcher("Jack").matches()).isFalse();
    assertThat(pattern.matcher("-jack").matches()).isFalse();
    assertThat(pattern.matcher("jack_1").matches()).isFalse();
  }

  @Test
  void statusHasHappyObservedGenerationAndStandardConditions() {
    JSONSchemaProps status = props().get("status");
    assertThat(status.getProperties()).containsKeys("happy", "observedGeneration", "conditions");
    JSONSchemaProps conditions = status.getProperties().get("conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
    JSONSchemaProps item = conditions.getItems().getSchema();
    assertThat(item.getProperties())
        .containsOnlyKeys(
            "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
    assertThat(item.getRequired())
        .containsExactlyInAnyOrder("type", "status", "reason", "lastTransitionTime");
  }

  @Test
  void everyFieldIsDescribed() {
    props()
        .forEach(
            (name, schema) -> {
              if (!name.equals("metadata") && !name.equals("apiVersion") && !name.equals("kind")) {
                assertDescribed(name, schema);
              }
            });
  }

  @Test
  void theSampleFooParsesAsAFoo() throws IOException {
    Foo sample =
        Serialization.unmarshal(
            Files.readString(Path.of("..", "config", "samples", "tutorial_v1_foo.yaml")),
            Foo.class);

    assertThat(sample.getSpec().getName()).isEqualTo("jack");
  }

  private static void assertDescribed(String path, JSONSchemaProps schema) {
    assertThat(schema.getDescription()).as("description of " + path).isNotBlank();
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, child) -> assertDescribed(path + "." + name, child));
    }
    if (schema.getItems() != null
        && schema.getItems().getSchema() != null
        && schema.getItems().getSchema().getProperties() != null) {
      schema
          .getItems()
          .getSchema()
          .getProperties()
          .forEach((name, child) -> assertDescribed(path + "[]." + name, child));
    }
  }

  private static Map<String, JSONSchemaProps> props() {
    return v1.getSchema().getOpenAPIV3Schema().getProperties();
  }
}
