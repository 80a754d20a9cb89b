package my.domain.tutorial.kubectl.output.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed kubectl JSONPath template ({@code {.items[*].metadata.name}}, {@code {range
 * .items[*]}{.metadata.name}{"\n"}{end}}): literal text, actions and ranges, as {@link
 * TemplateParser} reads them.
 */
public record Template(String source, List<Part> parts) {

  /** One piece of a template. */
  public sealed interface Part permits Text, Action, Range {}

  /** Text outside braces, printed as it is. */
  public record Text(String text) implements Part {}

  /** {@code {...}}: a path (or a quoted string, a number) whose results are printed. */
  public record Action(List<Step> steps) implements Part {}

  /** {@code {range PATH}BODY{end}}: the body once per result of the path, with it as the data. */
  public record Range(List<Step> steps, List<Part> body) implements Part {}

  /** One step of a path, from the values so far to the next ones. */
  public sealed interface Step permits Field, Wildcard, Recursive, Slice, Filter, Union, Literal {}

  /** {@code .name}: the member of that name of each object (missing members give nothing). */
  public record Field(String name) implements Step {}

  /** {@code .*}: every member of each object, every item of each list. */
  public record Wildcard() implements Step {}

  /** {@code ..}: every value below, depth first. */
  public record Recursive() implements Step {}

  /**
   * {@code [i]}, {@code [start:end:step]}, {@code [*]}: items of each list; null bounds are not
   * given; {@code derivedEnd} marks the end of a single index {@code [i]}.
   */
  public record Slice(Integer start, Integer end, Integer step, boolean derivedEnd)
      implements Step {}

  /**
   * {@code [?(@.a == "x")]}: the items of each list for which the comparison holds ({@code exists}
   * when there is no operator).
   */
  public record Filter(List<Step> left, String operator, List<Step> right) implements Step {}

  /** {@code [a,b]}: each alternative applied to all the values, one after the other. */
  public record Union(List<List<Step>> alternatives) implements Step {}

  /** A quoted string, a number or a boolean: itself, whatever the data. */
  public record Literal(JsonNode value) implements Step {}
}
