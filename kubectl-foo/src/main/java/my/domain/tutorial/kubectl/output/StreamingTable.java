package my.domain.tutorial.kubectl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of {@code get -w}, printed a few rows at a time as kubectl prints it: a column keeps
 * the widest width it has had so far (cell plus three spaces, at least six), so the rows of later
 * changes line up with the earlier ones; the header is printed with the first rows only.
 */
public final class StreamingTable {
  private final List<String> headers;
  private final boolean withHeaders;
  private int[] widths;
  private boolean headerPrinted;

  public StreamingTable(List<String> headers, boolean withHeaders) {
    this.headers = List.copyOf(headers);
    this.withHeaders = withHeaders;
    this.widths = new int[headers.size()];
  }

  /** The text of these rows (the header first, the first time), widths carried over. */
  public String print(List<List<String>> rows) {
    List<List<String>> lines = new ArrayList<>();
    if (withHeaders && !headerPrinted) {
      lines.add(headers);
      headerPrinted = true;
    }
    lines.addAll(rows);
    for (List<String> row : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] =
            Math.max(
                widths[i], Math.max(cell(row.get(i)).length() + Table.PADDING, Table.MIN_WIDTH));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : lines) {
      for (int i = 0; i < widths.length; i++) {
        String c = cell(row.get(i));
        out.append(c);
        if (i < widths.length - 1) {
          out.append(" ".repeat(widths[i] - c.length()));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(String value) {
    return value == null ? Table.NONE : value;
  }
}
