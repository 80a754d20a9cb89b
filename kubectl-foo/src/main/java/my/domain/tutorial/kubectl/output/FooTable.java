package my.domain.tutorial.kubectl.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.kubectl.text.Ages;

/**
 * The {@code get} table: NAME FRIEND HAPPY REASON AGE (the CRD's printer columns), MESSAGE with
 * {@code -o wide}; a value that is not set is an empty cell, as kubectl prints a CRD's printer
 * columns.
 */
public final class FooTable {
  private FooTable() {}

  public static String render(List<Foo> foos, boolean withNamespace, boolean wide, Instant now) {
    return render(foos, new Columns(withNamespace, wide, true, List.of(), false), now);
  }

  /**
   * What {@code kubectl get} adds to the printer columns: NAMESPACE first with {@code -A}, a column
   * per {@code -L} label (headed by the key's last path segment, upper case; empty when the Foo
   * lacks the label), then LABELS with {@code --show-labels} ({@code k=v,...} sorted by key, {@code
   * <none>}).
   */
  public record Columns(
      boolean withNamespace,
      boolean wide,
      boolean headers,
      List<String> labelColumns,
      boolean showLabels) {}

  public static String render(List<Foo> foos, Columns columns, Instant now) {
    return Table.render(headers(columns), rows(foos, columns, now), columns.headers());
  }

  /** The header row of these columns. */
  public static List<String> headers(Columns columns) {
    boolean withNamespace = columns.withNamespace();
    boolean wide = columns.wide();
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("NAME", "FRIEND", "HAPPY", "REASON", "AGE"));
    if (wide) {
      headers.add("MESSAGE");
    }
    for (String label : columns.labelColumns()) {
      String[] parts = label.split("/");
      headers.add(parts[parts.length - 1].toUpperCase(java.util.Locale.ROOT));
    }
    if (columns.showLabels()) {
      headers.add("LABELS");
    }
    return headers;
  }

  /** A row per Foo, ages as of {@code now}. */
  public static List<List<String>> rows(List<Foo> foos, Columns columns, Instant now) {
    boolean withNamespace = columns.withNamespace();
    boolean wide = columns.wide();
    List<List<String>> rows = new ArrayList<>();
    for (Foo foo : foos) {
      List<String> row = new ArrayList<>();
      if (withNamespace) {
        row.add(foo.getMetadata().getNamespace());
      }
      Optional<FooCondition> happy =
          Optional.ofNullable(foo.getStatus()).flatMap(s -> s.condition(FooCondition.HAPPY));
      row.add(foo.getMetadata().getName());
      // A printer column whose JSONPath finds nothing is an empty cell in kubectl's table, not
      // <none>.
      row.add(Optional.ofNullable(foo.friendName()).orElse(""));
      row.add(
          Optional.ofNullable(foo.getStatus())
              .map(s -> s.getHappy())
              .map(String::valueOf)
              .orElse(""));
      row.add(happy.map(FooCondition::getReason).orElse(""));
      row.add(Ages.since(foo.getMetadata().getCreationTimestamp(), now));
      if (wide) {
        row.add(happy.map(FooCondition::getMessage).orElse(""));
      }
      java.util.Map<String, String> labels =
          Optional.ofNullable(foo.getMetadata().getLabels()).orElse(java.util.Map.of());
      for (String label : columns.labelColumns()) {
        row.add(labels.getOrDefault(label, ""));
      }
      if (columns.showLabels()) {
        row.add(
            labels.isEmpty()
                ? Table.NONE
                : new java.util.TreeMap<>(labels)
                    .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(",")));
      }
      rows.add(row);
    }
    return rows;
  }
}
