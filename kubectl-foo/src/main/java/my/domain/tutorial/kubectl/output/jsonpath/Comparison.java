package my.domain.tutorial.kubectl.output.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A filter's comparison as kubectl's template functions make it: both sides must be of one basic
 * kind (string, integer, float, bool); ordering is not defined for bools.
 */
final class Comparison {
  private enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOL
  }

  private Comparison() {}

  static boolean holds(JsonNode left, String operator, JsonNode right) {
    Kind k1 = kind(left);
    Kind k2 = kind(right);
    if (k1 != k2) {
      throw new JsonPathException("incompatible types for comparison");
    }
    if (operator.equals("==") || operator.equals("!=")) {
      boolean equal =
          switch (k1) {
            case STRING -> left.textValue().equals(right.textValue());
            case INTEGER -> left.bigIntegerValue().equals(right.bigIntegerValue());
            case FLOAT -> left.doubleValue() == right.doubleValue();
            case BOOL -> left.booleanValue() == right.booleanValue();
          };
      return operator.equals("==") == equal;
    }
    if (k1 == Kind.BOOL) {
      throw new JsonPathException("invalid type for comparison");
    }
    int c =
        switch (k1) {
          case STRING -> left.textValue().compareTo(right.textValue());
          case INTEGER -> left.bigIntegerValue().compareTo(right.bigIntegerValue());
          default -> Double.compare(left.doubleValue(), right.doubleValue());
        };
    return switch (operator) {
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      case ">=" -> c >= 0;
      default -> throw new JsonPathException("unrecognized filter operator " + operator);
    };
  }

  private static Kind kind(JsonNode v) {
    if (v.isTextual()) {
      return Kind.STRING;
    }
    if (v.isIntegralNumber()) {
      return Kind.INTEGER;
    }
    if (v.isNumber()) {
      return Kind.FLOAT;
    }
    if (v.isBoolean()) {
      return Kind.BOOL;
    }
    throw new JsonPathException("invalid type for comparison");
  }
}
