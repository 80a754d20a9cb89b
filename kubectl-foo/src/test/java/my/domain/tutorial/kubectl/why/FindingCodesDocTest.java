package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/plugin.md's table of finding codes is the contract users read; {@link FindingCode} is where
 * the code keeps it.
 */
class FindingCodesDocTest {
  @Test
  void docsPluginMdListsExactlyTheFindingCodes() throws IOException {
    Path doc = Path.of(System.getProperty("foo.repo.root"), "docs", "plugin.md");
    String text = Files.readString(doc);
    String table = text.substring(text.indexOf("| code | meaning |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1));
    }

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(FindingCode.values()).map(Enum::name).toList());
  }
}
