package my.domain.tutorial.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * {@code get --sort-by}: a field path in kubectl's JSONPath form ({@code .spec.name} or {@code
 * {.metadata.name}}), the subset without {@code [...]} and filters. Numbers sort as numbers,
 * booleans false first, everything else as text; a Foo without the field sorts first, as kubectl's;
 * the sort is stable.
 */
public final class SortBy {
  private static final Pattern PATH = Pattern.compile("\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private SortBy() {}

  public static List<Foo> sort(List<Foo> foos, String expression) {
    String[] fields = parse(expression);
    return foos.stream()
        .sorted(Comparator.comparing((Foo f) -> value(f, fields), SortBy::compare))
        .toList();
  }

  public static String[] parse(String expression) {
    String e = expression.trim();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1);
    }
    if (!PATH.matcher(e).matches()) {
      throw PluginException.usage(
          "invalid --sort-by '"
              + expression
              + "': use a field path such as .metadata.name"
              + " or '{.spec.name}' (indexes and filters are not supported)");
    }
    return (e.startsWith(".") ? e.substring(1) : e).split("\\.");
  }

  private static JsonNode value(Foo foo, String[] fields) {
    JsonNode node = Serialization.jsonMapper().valueToTree(foo);
    for (String f : fields) {
      node = node == null ? null : node.get(f);
    }
    return node == null || node.isNull() ? null : node;
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    return text(a).compareTo(text(b));
  }

  private static String text(JsonNode n) {
    return n.isValueNode() ? n.asText() : n.toString();
  }
}
