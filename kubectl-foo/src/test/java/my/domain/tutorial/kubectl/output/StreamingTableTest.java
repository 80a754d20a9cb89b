package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected text is what {@code kubectl get foos -w} (1.34) printed for the same changes. */
class StreamingTableTest {
  @Test
  void whenLaterRowsComeOneByOne_thenEachColumnKeepsTheWidestWidthSoFar() {
    StreamingTable table =
        new StreamingTable(List.of("NAME", "FRIEND", "HAPPY", "REASON", "AGE"), true);

    String first = table.print(List.of(List.of("foo-01", "jack", "", "", "4m24s")));
    String added = table.print(List.of(List.of("foo-a-much-longer-name", "jill", "", "", "0s")));
    String changed =
        table.print(List.of(List.of("foo-01", "jack", "true", "FriendFound", "4m27s")));
    String deleted = table.print(List.of(List.of("foo-a-much-longer-name", "jill", "", "", "0s")));

    assertThat(first + added + changed + deleted)
        .isEqualTo(
            "NAME     FRIEND   HAPPY   REASON   AGE\n"
                + "foo-01   jack                      4m24s\n"
                + "foo-a-much-longer-name   jill                      0s\n"
                + "foo-01                   jack     true    FriendFound   4m27s\n"
                + "foo-a-much-longer-name   jill                           0s\n");
  }

  @Test
  void whenHeadersAreOff_thenOnlyRowsArePrinted() {
    StreamingTable table = new StreamingTable(List.of("NAME", "AGE"), false);

    assertThat(table.print(List.of(List.of("foo-01", "1s")))).isEqualTo("foo-01   1s\n");
  }
}
