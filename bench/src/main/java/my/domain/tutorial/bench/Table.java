package my.domain.tutorial.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The printed figures: one line each as they come (a long run shows progress), then as Markdown.
 */
final class Table {
  record Row(String what, String figure, String target) {}

  private final List<Row> rows = new ArrayList<>();
  private final Consumer<String> out;

  Table(Consumer<String> out) {
    this.out = out;
  }

  void row(String what, String figure, String target) {
    Row row = new Row(what, figure, target);
    rows.add(row);
    out.accept(line(row));
  }

  static String line(Row r) {
    return String.format(
        "%-44s %s%s", r.what(), r.figure(), r.target().isEmpty() ? "" : "   [" + r.target() + "]");
  }

  String markdown() {
    StringBuilder md = new StringBuilder("| scenario | result | target |\n|---|---|---|\n");
    rows.forEach(
        r ->
            md.append("| ")
                .append(r.what())
                .append(" | ")
                .append(r.figure())
                .append(" | ")
                .append(r.target())
                .append(" |\n"));
    return md.toString();
  }
}
