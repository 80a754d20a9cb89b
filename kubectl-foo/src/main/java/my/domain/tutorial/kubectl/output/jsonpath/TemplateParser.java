package my.domain.tutorial.kubectl.output.jsonpath;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Reads kubectl's JSONPath template syntax (that of client-go's {@code util/jsonpath}, which is not
 * Jayway's): text with {@code {...}} actions holding fields ({@code .a.b}, {@code .a\.b}), {@code
 * .*}, {@code ..}, {@code [i]}, {@code [start:end:step]}, {@code [*]}, {@code ['key']}, unions
 * {@code [a,b]}, filters {@code [?(@.x == "y")]}, quoted strings, numbers, and {@code range} /
 * {@code end}.
 */
public final class TemplateParser {
  private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
  private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");
  private static final Pattern COMPARISON = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$");

  private final String input;
  private int pos;

  private TemplateParser(String input) {
    this.input = input;
  }

  public static Template parse(String template) {
    TemplateParser p = new TemplateParser(template);
    return new Template(template, p.parts());
  }

  /** The steps of one action's text (without braces), as used inside filters and unions. */
  static List<Step> steps(String action) {
    TemplateParser p = new TemplateParser(action + "}");
    Inside inside = p.inside();
    if (inside.range() || inside.end()) {
      throw new JsonPathException("range and end cannot be used in " + action);
    }
    return inside.steps();
  }

  private record Inside(List<Step> steps, boolean range, boolean end) {}

  private List<Part> parts() {
    Deque<List<Part>> bodies = new ArrayDeque<>();
    Deque<List<Step>> ranges = new ArrayDeque<>();
    List<Part> current = new ArrayList<>();
    while (pos < input.length()) {
      int open = input.indexOf('{', pos);
      if (open < 0) {
        current.add(new Text(input.substring(pos)));
        break;
      }
      if (open > pos) {
        current.add(new Text(input.substring(pos, open)));
      }
      pos = open + 1;
      Inside inside = inside();
      if (inside.end()) {
        if (ranges.isEmpty()) {
          throw new JsonPathException("not in range, nothing to end");
        }
        Range range = new Range(ranges.pop(), current);
        current = bodies.pop();
        current.add(range);
      } else if (inside.range()) {
        ranges.push(inside.steps());
        bodies.push(current);
        current = new ArrayList<>();
      } else {
        current.add(new Action(inside.steps()));
      }
    }
    // A range left open runs to the end of the template, as kubectl's does.
    while (!ranges.isEmpty()) {
      Range range = new Range(ranges.pop(), current);
      current = bodies.pop();
      current.add(range);
    }
    return current;
  }

  /** From just after a '{' to just after its '}'. */
  private Inside inside() {
    List<Step> steps = new ArrayList<>();
    boolean range = false;
    boolean end = false;
    while (true) {
      if (pos >= input.length()) {
        throw new JsonPathException("unclosed action");
      }
      char c = input.charAt(pos);
      if (c == '}') {
        pos++;
        return new Inside(steps, range, end);
      } else if (Character.isWhitespace(c) || c == '@' || c == '$') {
        pos++;
      } else if (c == '[') {
        steps.add(bracket());
      } else if (c == '"' || c == '\'') {
        steps.add(new Literal(TextNode.valueOf(quoted(c))));
      } else if (c == '.') {
        pos++;
        if (pos < input.length() && input.charAt(pos) == '.') {
          pos++;
          steps.add(new Recursive());
          if (pos < input.length() && !terminator(input.charAt(pos))) {
            steps.add(field());
          }
        } else {
          steps.add(field());
        }
      } else if (c == '+' || c == '-' || Character.isDigit(c)) {
        steps.add(number());
      } else if (c == '_' || Character.isLetterOrDigit(c)) {
        int start = pos;
        while (pos < input.length() && !terminator(input.charAt(pos))) {
          pos++;
        }
        String word = input.substring(start, pos);
        switch (word) {
          case "range" -> range = true;
          case "end" -> end = true;
          case "true", "false" -> steps.add(new Literal(BooleanNode.valueOf(word.equals("true"))));
          default -> throw new JsonPathException("unrecognized identifier " + word);
        }
      } else {
        throw new JsonPathException(
            "unrecognized character in action: U+%04X '%c'".formatted((int) c, c));
      }
    }
  }

  private Step field() {
    StringBuilder name = new StringBuilder();
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (c == '\\' && pos + 1 < input.length()) {
        name.append(input.charAt(pos + 1));
        pos += 2;
      } else if (terminator(c)) {
        break;
      } else {
        name.append(c);
        pos++;
      }
    }
    return name.toString().equals("*") ? new Wildcard() : new Field(name.toString());
  }

  private static boolean terminator(char c) {
    return Character.isWhitespace(c) || ".,[]$@{}".indexOf(c) >= 0;
  }

  private Step number() {
    int start = pos;
    if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
      pos++;
    }
    while (pos < input.length()
        && (input.charAt(pos) == '.' || Character.isDigit(input.charAt(pos)))) {
      pos++;
    }
    String text = input.substring(start, pos);
    try {
      return new Literal(LongNode.valueOf(Long.parseLong(text.replaceFirst("^\\+", ""))));
    } catch (NumberFormatException notAnInteger) {
      try {
        return new Literal(DoubleNode.valueOf(Double.parseDouble(text)));
      } catch (NumberFormatException e) {
        throw new JsonPathException("cannot parse number " + text);
      }
    }
  }

  private String quoted(char quote) {
    int start = pos;
    pos++;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw new JsonPathException("unterminated quoted string");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote) {
        break;
      }
    }
    return unquote(input.substring(start + 1, pos - 1));
  }

  /** Go's string escapes: \n \t \r \\ \" \' \a \b \f \v \xHH \\uHHHH \UHHHHHHHH \OOO. */
  private static String unquote(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        throw new JsonPathException("invalid escape at the end of \"" + body + "\"");
      }
      char e = body.charAt(i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\\', '"', '\'' -> out.append(e);
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          out.appendCodePoint(hex(body, i + 1, digits));
          i += digits;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 2 < body.length()) {
            out.append((char) Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
          } else {
            throw new JsonPathException("invalid escape \\" + e + " in \"" + body + "\"");
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String body, int from, int digits) {
    try {
      return Integer.parseInt(body.substring(from, from + digits), 16);
    } catch (RuntimeException e) {
      throw new JsonPathException("invalid escape in \"" + body + "\"");
    }
  }

  private Step bracket() {
    if (input.startsWith("[?(", pos)) {
      return filter();
    }
    int close = pos;
    while (true) {
      if (close >= input.length() || input.charAt(close) == '\n') {
        throw new JsonPathException("unterminated array");
      }
      if (input.charAt(close) == ']') {
        break;
      }
      close++;
    }
    String text = input.substring(pos + 1, close);
    pos = close + 1;
    if (text.equals("*")) {
      text = ":";
    }
    String[] alternatives = text.split(",", -1);
    if (alternatives.length > 1) {
      List<List<Step>> union = new ArrayList<>();
      for (String a : alternatives) {
        union.add(steps("[" + a.trim() + "]"));
      }
      return new Union(union);
    }
    Matcher key = DICT_KEY.matcher(text);
    if (key.matches()) {
      List<Step> steps = steps("." + key.group(1));
      return steps.size() == 1 ? steps.get(0) : new Union(List.of(steps));
    }
    Matcher slice = SLICE.matcher(text);
    if (!slice.matches()) {
      throw new JsonPathException("invalid array index " + text);
    }
    Integer start = index(slice.group(1));
    if (slice.group(2) == null) {
      return new Slice(start, (start == null ? 0 : start) + 1, index(slice.group(3)), true);
    }
    return new Slice(
        start,
        index(slice.group(2).substring(1)),
        slice.group(3) == null ? null : index(slice.group(3).substring(1)),
        false);
  }

  private static Integer index(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new JsonPathException("array index " + text + " is not a number");
    }
  }

  private Step filter() {
    pos += 3;
    int start = pos;
    boolean begin = false;
    boolean end = false;
    char pair = 0;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw new JsonPathException("unterminated filter");
      }
      char c = input.charAt(pos++);
      if (c == '"' || c == '\'') {
        if (!begin) {
          begin = true;
          pair = c;
        } else if (c == pair && input.charAt(pos - 2) != '\\') {
          end = true;
        }
      } else if (c == ')' && begin == end) {
        break;
      }
    }
    if (pos >= input.length() || input.charAt(pos) != ']') {
      throw new JsonPathException("unclosed array expect ]");
    }
    String text = input.substring(start, pos - 1);
    pos++;
    Matcher m = COMPARISON.matcher(text);
    if (!m.matches()) {
      return new Filter(steps(text), "exists", List.of());
    }
    return new Filter(steps(m.group(1)), m.group(2), steps(m.group(3)));
  }
}
