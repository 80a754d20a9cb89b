package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;

/** --sort-by's field paths, as kubectl's. */
class SortByTest {
  @Test
  void sortsByTheFieldStably_withFoosLackingItFirst() {
    Foo a = Foo.of("ns", "a", "jill");
    Foo b = Foo.of("ns", "b", "jack");
    Foo c = Foo.of("ns", "c", "jack");
    Foo none = Foo.of("ns", "d", null);

    assertThat(SortBy.sort(List.of(a, b, none, c), ".spec.name")).containsExactly(none, b, c, a);
    assertThat(SortBy.sort(List.of(c, a, b), "{.metadata.name}")).containsExactly(a, b, c);
  }

  @Test
  void aPathWithIndexesOrFiltersIsAUsageError() {
    assertThatThrownBy(() -> SortBy.parse("{.items[0].x}"))
        .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith("invalid --sort-by '{.items[0].x}': use a field path");
  }
}
