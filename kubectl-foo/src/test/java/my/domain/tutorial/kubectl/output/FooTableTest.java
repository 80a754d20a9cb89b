package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooSpec;
import org.junit.jupiter.api.Test;

/** The get table's optional columns, laid out as kubectl get lays them. */
class FooTableTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  @Test
  void noHeaders_dropsTheHeaderRowFromOutputAndWidths() {
    String table =
        FooTable.render(
            List.of(foo("a", Map.of())),
            new FooTable.Columns(false, false, false, List.of(), false),
            NOW);

    assertThat(table).isEqualTo("a     jack               10m\n");
  }

  @Test
  void labelColumnsAreHeadedByTheKeysLastSegment_andShowLabelsComesLast() {
    String table =
        FooTable.render(
            List.of(
                foo("foo-01", Map.of("tier", "gold", "app.kubernetes.io/name", "x")),
                foo("foo-02", Map.of())),
            new FooTable.Columns(
                false, false, true, List.of("app.kubernetes.io/name", "tier"), true),
            NOW);

    assertThat(table)
        .isEqualTo(
            """
        NAME     FRIEND   HAPPY   REASON   AGE   NAME   TIER   LABELS
        foo-01   jack                      10m   x      gold   app.kubernetes.io/name=x,tier=gold
        foo-02   jack                      10m                 <none>
        """);
  }

  private static Foo foo(String name, Map<String, String> labels) {
    Foo foo = new Foo();
    foo.getMetadata().setName(name);
    foo.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
    foo.getMetadata().setLabels(labels.isEmpty() ? null : labels);
    foo.setSpec(new FooSpec("jack"));
    return foo;
  }
}
