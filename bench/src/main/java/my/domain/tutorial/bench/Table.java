package my.domain.tutorial.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The printed figures: one line each as they come (a long run shows progress), then as Markdown.
 */
final class Table {
  record Row(String what, String figure, String target) {}

  private final List<Row> rows;
  private final Consumer<String> out;
  private final String prefix;

  Table(Consumer<String> out) {
    this(new ArrayList<>(), out, "");
  }

  private Table(List<Row> rows, Consumer<String> out, String prefix) {
    this.rows = rows;
    this.out = out;
    this.prefix = prefix;
  }

  /** The same table, each row's name starting with {@code label} (the operator build measured). */
  Table labelled(String label) {
    return new Table(rows, out, label + ": ");
  }

  void row(String what, String figure, String target) {
    Row row = new Row(prefix + what, figure, target);
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
