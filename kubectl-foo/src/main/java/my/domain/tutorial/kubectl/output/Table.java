package my.domain.tutorial.kubectl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Column layout as kubectl prints tables (Go's tabwriter with kubectl's settings): each column as
 * wide as its widest cell plus three spaces, at least six; the last column is not padded.
 */
public final class Table {
  static final int PADDING = 3;
  static final int MIN_WIDTH = 6;

  /** How kubectl shows a missing value in a table cell. */
  public static final String NONE = "<none>";

  private Table() {}

  public static String render(List<String> headers, List<List<String>> rows) {
    return render(headers, rows, true);
  }

  /**
   * Without {@code withHeaders} the header row is neither printed nor counted in the widths, as
   * with {@code kubectl get --no-headers}.
   */
  public static String render(List<String> headers, List<List<String>> rows, boolean withHeaders) {
    List<List<String>> all = new ArrayList<>();
    if (withHeaders) {
      all.add(headers);
    }
    all.addAll(rows);
    int columns = headers.size();
    int[] widths = new int[columns];
    for (List<String> row : all) {
      if (row.size() != columns) {
        throw new IllegalArgumentException(
            "row " + row + " has " + row.size() + " cells, headers have " + columns);
      }
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Math.max(cell(row.get(i)).length() + PADDING, MIN_WIDTH));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : all) {
      for (int i = 0; i < columns; i++) {
        String c = cell(row.get(i));
        out.append(c);
        if (i < columns - 1) {
          out.append(" ".repeat(widths[i] - c.length()));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(String value) {
    return value == null ? NONE : value;
  }
}
