package my.domain.tutorial.kubectl.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's exit-code table is the contract users read; ExitCodes is where the code keeps it.
 */
class ExitCodesReadmeTest {
  private static final Pattern ROW = Pattern.compile("^\\| (\\d) \\| (.+) \\|$");

  @Test
  void theReadmeTableListsExactlyTheCodesAndMeaningsOfExitCodes() throws IOException {
    assertThat(readmeTable()).containsExactlyEntriesOf(ExitCodes.MEANINGS);
  }

  @Test
  void everyExitCodeConstantHasAMeaning() {
    int[] constants =
        Arrays.stream(ExitCodes.class.getFields())
            .filter(f -> f.getType() == int.class && Modifier.isStatic(f.getModifiers()))
            .mapToInt(ExitCodesReadmeTest::value)
            .sorted()
            .toArray();
    assertThat(ExitCodes.MEANINGS.keySet())
        .containsExactly(Arrays.stream(constants).boxed().toArray(Integer[]::new));
  }

  private static Map<Integer, String> readmeTable() throws IOException {
    Path readme = Path.of(System.getProperty("foo.repo.root"), "README.md");
    String section = Files.readString(readme).split("### Exit codes and errors", 2)[1];
    Map<Integer, String> rows = new LinkedHashMap<>();
    for (String line : section.lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.put(Integer.parseInt(m.group(1)), m.group(2));
      } else if (!rows.isEmpty()) {
        break;
      }
    }
    return rows;
  }

  private static int value(Field f) {
    try {
      return f.getInt(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
