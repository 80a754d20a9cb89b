package my.domain.tutorial.kubectl.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;

/** The {@code get} table: NAME FRIEND HAPPY REASON AGE (the CRD's printer columns), MESSAGE with {@code -o wide}. */
public final class FooTable {
  private FooTable() {
  }

  public static String render(List<Foo> foos, boolean withNamespace, boolean wide, Instant now) {
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("NAME", "FRIEND", "HAPPY", "REASON", "AGE"));
    if (wide) {
      headers.add("MESSAGE");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Foo foo : foos) {
      List<String> row = new ArrayList<>();
      if (withNamespace) {
        row.add(foo.getMetadata().getNamespace());
      }
      Optional<FooCondition> happy = Optional.ofNullable(foo.getStatus()).flatMap(s -> s.condition(FooCondition.HAPPY));
      row.add(foo.getMetadata().getName());
      row.add(foo.friendName());
      row.add(Optional.ofNullable(foo.getStatus()).map(s -> s.getHappy()).map(String::valueOf).orElse(null));
      row.add(happy.map(FooCondition::getReason).orElse(null));
      row.add(Ages.since(foo.getMetadata().getCreationTimestamp(), now));
      if (wide) {
        row.add(happy.map(FooCondition::getMessage).orElse(null));
      }
      rows.add(row);
    }
    return Table.render(headers, rows);
  }
}
