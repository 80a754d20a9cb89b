package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAreAsWideAsTheirWidestCellPlusThreeAndTheLastIsNotPadded() {
    String table =
        Table.render(
            List.of("NAME", "FRIEND", "AGE"),
            List.of(List.of("foo-01", "jack", "5m"), List.of("a-much-longer-name", "j", "3h")));

    assertThat(table)
        .isEqualTo(
            """
        NAME                 FRIEND   AGE
        foo-01               jack     5m
        a-much-longer-name   j        3h
        """);
  }

  @Test
  void narrowColumnsAreAtLeastSixWideAndMissingCellsShowNone() {
    String table = Table.render(List.of("A", "B"), List.of(Arrays.asList("x", null)));

    assertThat(table).isEqualTo("A     B\nx     <none>\n");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsABug() {
    assertThatThrownBy(() -> Table.render(List.of("A"), List.of(List.of("x", "y"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
