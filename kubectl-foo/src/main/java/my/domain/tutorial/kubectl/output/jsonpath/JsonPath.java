package my.domain.tutorial.kubectl.output.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Action;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Field;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Filter;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Literal;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Part;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Range;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Recursive;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Slice;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Step;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Text;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Union;
import my.domain.tutorial.kubectl.output.jsonpath.Template.Wildcard;

/**
 * Runs a {@link Template} on a JSON document as kubectl does with its missing keys allowed (the
 * default of {@code kubectl get}): a member that is not there gives no result rather than an error;
 * the results of one action are separated by a space; maps and lists print as Go's compact JSON.
 * The quirks are kubectl's, kept on purpose (a slice asking for no items ends the step, a string's
 * wildcard gives its bytes); map members come in sorted order, which kubectl's Go maps may not.
 */
public final class JsonPath {
  private JsonPath() {}

  /** The template's output for {@code data}, as {@code kubectl get -o jsonpath=...} prints it. */
  public static String print(Template template, JsonNode data) {
    StringBuilder out = new StringBuilder();
    print(template.parts(), data, out);
    return out.toString();
  }

  /** The values a path finds in {@code data} (for custom-columns, which prints them itself). */
  public static List<JsonNode> find(Template template, JsonNode data) {
    List<JsonNode> results = new ArrayList<>();
    for (Part part : template.parts()) {
      if (part instanceof Text t) {
        results.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(t.text()));
      } else if (part instanceof Action a) {
        results.addAll(walk(List.of(data), a.steps()));
      } else if (part instanceof Range r) {
        for (JsonNode item : walk(List.of(data), r.steps())) {
          results.addAll(find(new Template(template.source(), r.body()), item));
        }
      }
    }
    return results;
  }

  private static void print(List<Part> parts, JsonNode data, StringBuilder out) {
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(t.text());
      } else if (part instanceof Action a) {
        List<JsonNode> results = walk(List.of(data), a.steps());
        for (int i = 0; i < results.size(); i++) {
          out.append(i == 0 ? "" : " ").append(GoValues.templateText(results.get(i)));
        }
      } else if (part instanceof Range r) {
        for (JsonNode item : walk(List.of(data), r.steps())) {
          print(r.body(), item, out);
        }
      }
    }
  }

  static List<JsonNode> walk(List<JsonNode> input, List<Step> steps) {
    List<JsonNode> values = input;
    for (Step step : steps) {
      values = step(values, step);
    }
    return values;
  }

  private static List<JsonNode> step(List<JsonNode> input, Step step) {
    if (step instanceof Field f) {
      return field(input, f.name());
    } else if (step instanceof Wildcard) {
      return wildcard(input);
    } else if (step instanceof Recursive) {
      return recursive(input);
    } else if (step instanceof Slice s) {
      return slice(input, s);
    } else if (step instanceof Filter f) {
      return filter(input, f);
    } else if (step instanceof Union u) {
      List<JsonNode> results = new ArrayList<>();
      u.alternatives().forEach(a -> results.addAll(walk(input, a)));
      return results;
    }
    Literal l = (Literal) step;
    return l.value().isTextual()
        ? List.of(l.value())
        : java.util.Collections.nCopies(input.size(), l.value());
  }

  private static boolean isNil(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  private static List<JsonNode> field(List<JsonNode> input, String name) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode v : input) {
      if (!isNil(v) && v.isObject() && v.has(name)) {
        results.add(v.get(name));
      }
    }
    return results;
  }

  private static List<JsonNode> wildcard(List<JsonNode> input) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode v : input) {
      if (!isNil(v)) {
        results.addAll(GoValues.children(v));
      }
    }
    return results;
  }

  private static List<JsonNode> recursive(List<JsonNode> input) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode v : input) {
      if (isNil(v)) {
        continue;
      }
      List<JsonNode> children = GoValues.children(v);
      if (!children.isEmpty()) {
        results.add(v);
        results.addAll(recursive(children));
      }
    }
    return results;
  }

  private static List<JsonNode> slice(List<JsonNode> input, Slice s) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode v : input) {
      if (isNil(v)) {
        continue;
      }
      if (!v.isArray()) {
        throw new JsonPathException(goType(v) + " is not array or slice");
      }
      int length = v.size();
      int start = s.start() == null ? 0 : s.start();
      if (start < 0) {
        start += length;
      }
      int end = s.end() == null ? length : s.end();
      if (end < 0 || (end == 0 && s.derivedEnd())) {
        end += length;
      }
      if (start == end) {
        // kubectl returns here, dropping what the other values would have given.
        return results;
      }
      if (start >= length || start < 0) {
        throw outOfBounds(start, length);
      }
      if (end > length || end < 0) {
        throw outOfBounds(end - 1, length);
      }
      if (start > end) {
        throw new JsonPathException(
            "starting index " + start + " is greater than ending index " + end);
      }
      int step = 1;
      if (s.step() != null) {
        if (s.step() <= 0) {
          throw new JsonPathException("step must be > 0");
        }
        step = s.step();
      }
      for (int i = start; i < end; i += step) {
        results.add(v.get(i));
      }
    }
    return results;
  }

  private static JsonPathException outOfBounds(int index, int length) {
    return new JsonPathException(
        "array index out of bounds: index " + index + ", length " + length);
  }

  private static List<JsonNode> filter(List<JsonNode> input, Filter f) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode v : input) {
      if (isNil(v) || !v.isArray()) {
        throw new JsonPathException(
            (isNil(v) ? "<nil>" : GoValues.sprint(v))
                + " is not array or slice and cannot be filtered");
      }
      for (JsonNode item : v) {
        List<JsonNode> lefts;
        try {
          lefts = walk(List.of(item), f.left());
        } catch (JsonPathException e) {
          if (f.operator().equals("exists")) {
            continue;
          }
          throw e;
        }
        if (f.operator().equals("exists")) {
          if (!lefts.isEmpty()) {
            results.add(item);
          }
          continue;
        }
        if (lefts.isEmpty()) {
          continue;
        }
        if (lefts.size() > 1) {
          throw new JsonPathException("can only compare one element at a time");
        }
        List<JsonNode> rights = walk(List.of(item), f.right());
        if (rights.isEmpty()) {
          continue;
        }
        if (rights.size() > 1) {
          throw new JsonPathException("can only compare one element at a time");
        }
        if (Comparison.holds(lefts.get(0), f.operator(), rights.get(0))) {
          results.add(item);
        }
      }
    }
    return results;
  }

  /** How Go names the type of a value decoded from JSON, for error messages. */
  static String goType(JsonNode v) {
    if (v.isObject()) {
      return "map[string]interface {}";
    }
    if (v.isArray()) {
      return "[]interface {}";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "int64";
    }
    if (v.isNumber()) {
      return "float64";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    return "<nil>";
  }
}
