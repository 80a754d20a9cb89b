package my.domain.tutorial.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import my.domain.tutorial.kubectl.output.jsonpath.GoValues;
import my.domain.tutorial.kubectl.output.jsonpath.JsonPath;
import my.domain.tutorial.kubectl.output.jsonpath.JsonPathException;
import my.domain.tutorial.kubectl.output.jsonpath.Template;
import my.domain.tutorial.kubectl.output.jsonpath.TemplateParser;

/**
 * {@code -o custom-columns=HEADER:PATH,...} and {@code -o custom-columns-file=FILE} (a line of
 * headers, then a line of paths, both separated by spaces), printed as kubectl prints them: one row
 * per object, a cell's values joined by commas in Go's {@code fmt} form, {@code <none>} when the
 * path finds nothing.
 */
public final class CustomColumns {
  private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$");

  /** One column: its header and the path of its cells. */
  public record Column(String header, Template path) {}

  private CustomColumns() {}

  /** {@code NAME:.metadata.name,FRIEND:spec.name,REASON:{.status.conditions[*].reason}}. */
  public static List<Column> parse(String spec) {
    if (spec.isEmpty()) {
      throw new JsonPathException("custom-columns format specified but no custom columns given");
    }
    List<Column> columns = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      String[] headerAndPath = part.split(":", 2);
      if (headerAndPath.length != 2) {
        throw new JsonPathException(
            "unexpected custom-columns spec: '" + part + "', expected <header>:<json-path-expr>");
      }
      columns.add(new Column(headerAndPath[0], path(headerAndPath[1])));
    }
    return columns;
  }

  /** A custom-columns file: the headers on its first line, their paths on the second. */
  public static List<Column> parseFile(String text) {
    List<String> lines = text.lines().toList();
    if (lines.size() < 2) {
      throw new JsonPathException(
          "the file needs two lines: the headers, then their paths, each separated by spaces");
    }
    List<String> headers = fields(lines.get(0));
    List<String> paths = fields(lines.get(1));
    if (headers.size() != paths.size()) {
      throw new JsonPathException(
          "number of headers ("
              + headers.size()
              + ") and field specifications ("
              + paths.size()
              + ") don't match");
    }
    if (headers.isEmpty()) {
      throw new JsonPathException("the file names no columns");
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      columns.add(new Column(headers.get(i), path(paths.get(i))));
    }
    return columns;
  }

  public static String render(List<JsonNode> objects, List<Column> columns, boolean headers) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode object : objects) {
      List<String> row = new ArrayList<>();
      for (Column c : columns) {
        List<JsonNode> values = JsonPath.find(c.path(), object);
        row.add(
            values.isEmpty()
                ? Table.NONE
                : values.stream().map(GoValues::sprint).collect(Collectors.joining(",")));
      }
      rows.add(row);
    }
    return Table.render(columns.stream().map(Column::header).toList(), rows, headers);
  }

  /**
   * kubectl's relaxed path: {@code .a.b}, {@code a.b}, {@code {.a.b}} and {@code {a.b}} all mean
   * {@code {.a.b}}.
   */
  static Template path(String expression) {
    if (expression.isEmpty()) {
      return TemplateParser.parse("");
    }
    Matcher m = RELAXED.matcher(expression);
    if (!m.matches()) {
      throw new JsonPathException(
          "unexpected path string '"
              + expression
              + "', expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or"
              + " '{.name1.name2}'");
    }
    return TemplateParser.parse("{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}");
  }

  private static List<String> fields(String line) {
    String trimmed = line.trim();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
  }
}
