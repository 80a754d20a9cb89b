package my.domain.tutorial.kubectl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;

/**
 * YAML, JSON and name renderings of objects, as {@code kubectl get -o yaml|json|name} prints them.
 */
public final class Objects {
  public static final String RESOURCE =
      Foo.PLURAL.substring(0, Foo.PLURAL.length() - 1) + "." + Foo.GROUP;

  private Objects() {}

  /** {@code foo.tutorial.my.domain/NAME}. */
  public static String name(Foo foo) {
    return RESOURCE + "/" + foo.getMetadata().getName();
  }

  /** kubectl's YAML style: no document marker, quotes only where YAML needs them. */
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  public static String yaml(Object value) {
    try {
      // fabric8's own mapper decides what the object looks like; the YAML mapper only writes it
      // out.
      return YAML.writeValueAsString(Serialization.jsonMapper().valueToTree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
    }
  }

  public static String json(Object value) {
    try {
      return Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** One object as itself; several as a {@code v1 List}, as kubectl does. */
  public static Object single(List<? extends HasMetadata> items, boolean asList) {
    items.forEach(Objects::trim);
    return document(items, asList);
  }

  /**
   * {@link #single} with the managed fields kept: what kubectl gives a JSONPath template or custom
   * columns.
   */
  public static Object document(List<? extends HasMetadata> items, boolean asList) {
    if (!asList && items.size() == 1) {
      return items.get(0);
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    list.put("metadata", Map.of("resourceVersion", ""));
    return list;
  }

  /** As a JSON tree, as a template sees it. */
  public static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
    return Serialization.jsonMapper().valueToTree(value);
  }

  /** kubectl hides managed fields unless asked; so do we. */
  public static <T extends HasMetadata> T trim(T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return object;
  }
}
