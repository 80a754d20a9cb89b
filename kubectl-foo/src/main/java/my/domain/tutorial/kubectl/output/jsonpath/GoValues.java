package my.domain.tutorial.kubectl.output.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON values written the way kubectl's Go code writes them: {@code json.Marshal} (compact, keys
 * sorted, {@code <>&} escaped) for the maps and lists a JSONPath template prints, and {@code
 * fmt.Sprint} ({@code map[k:v]}, {@code [a b]}) for custom-columns cells. Numbers follow Go's
 * float64 and int64 formatting.
 */
public final class GoValues {
  private GoValues() {}

  /** What {@code -o jsonpath} prints for one result: maps and lists as JSON, others as text. */
  public static String templateText(JsonNode value) {
    if (value.isContainerNode()) {
      return json(value);
    }
    if (value.isNull()) {
      return "null";
    }
    return scalar(value);
  }

  /** Go's {@code fmt.Sprint} of the value kubectl decoded from JSON. */
  public static String sprint(JsonNode value) {
    if (value.isObject()) {
      StringBuilder out = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted(value).entrySet()) {
        out.append(first ? "" : " ").append(e.getKey()).append(':').append(sprint(e.getValue()));
        first = false;
      }
      return out.append(']').toString();
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : " ").append(sprint(value.get(i)));
      }
      return out.append(']').toString();
    }
    if (value.isNull()) {
      return "<nil>";
    }
    return scalar(value);
  }

  /** Go's {@code json.Marshal}: compact, object keys sorted, HTML characters escaped. */
  public static String json(JsonNode value) {
    StringBuilder out = new StringBuilder();
    writeJson(value, out);
    return out.toString();
  }

  /** The keys of an object in Go's map order (sorted by their bytes, which is code point order). */
  static Map<String, JsonNode> sorted(JsonNode object) {
    Map<String, JsonNode> m = new TreeMap<>(GoValues::compareBytes);
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  /**
   * The children of a value as Go iterates them: map values by sorted key, list items, or the bytes
   * of a string.
   */
  static List<JsonNode> children(JsonNode value) {
    if (value.isObject()) {
      return List.copyOf(sorted(value).values());
    }
    if (value.isArray()) {
      List<JsonNode> items = new java.util.ArrayList<>();
      value.forEach(items::add);
      return items;
    }
    if (value.isTextual()) {
      List<JsonNode> bytes = new java.util.ArrayList<>();
      for (byte b : value.textValue().getBytes(StandardCharsets.UTF_8)) {
        bytes.add(com.fasterxml.jackson.databind.node.IntNode.valueOf(b & 0xff));
      }
      return bytes;
    }
    return List.of();
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String scalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return formatG(value.doubleValue());
    }
    return value.asText();
  }

  private static void writeJson(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted(value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(e.getKey(), out);
        out.append(':');
        writeJson(e.getValue(), out);
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeJson(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      quote(value.textValue(), out);
    } else if (value.isNull() || value.isMissingNode()) {
      out.append("null");
    } else if (value.isIntegralNumber()) {
      out.append(value.bigIntegerValue());
    } else if (value.isNumber()) {
      out.append(jsonFloat(value.doubleValue()));
    } else {
      out.append(value.asText());
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, which {@code fmt} uses for a float64: the
   * shortest digits, as {@code %e} when the exponent is below -4 or at least 6.
   */
  static String formatG(double f) {
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    Digits d = Digits.of(f);
    int exp = d.point() - 1;
    return exp < -4 || exp >= 6 ? d.exponent() : d.fixed();
  }

  /** Go's encoding/json float64: %f unless below 1e-6 or from 1e21 on, then %e (e-7, not e-07). */
  static String jsonFloat(double f) {
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    double abs = Math.abs(f);
    Digits d = Digits.of(f);
    if (abs < 1e-6 || abs >= 1e21) {
      return d.exponent().replaceFirst("e([+-])0(\\d)$", "e$1$2");
    }
    return d.fixed();
  }

  /** The shortest decimal digits of a double, and where the decimal point goes. */
  private record Digits(boolean negative, String digits, int point) {
    static Digits of(double f) {
      BigDecimal bd = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
      String digits = bd.unscaledValue().toString();
      return new Digits(f < 0, digits, digits.length() - bd.scale());
    }

    String fixed() {
      String sign = negative ? "-" : "";
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length()) {
        return sign + digits + "0".repeat(point - digits.length());
      }
      return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    String exponent() {
      int exp = point - 1;
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return (negative ? "-" : "")
          + mantissa
          + "e"
          + (exp < 0 ? "-" : "+")
          + (e.length() < 2 ? "0" + e : e);
    }
  }
}
