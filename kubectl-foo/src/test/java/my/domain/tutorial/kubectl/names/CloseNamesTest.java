package my.domain.tutorial.kubectl.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseNamesTest {
  @Test
  void typosSwapsAndMissingCharactersAreClose() {
    assertThat(CloseNames.closeTo("foo-01", List.of("foo-1", "fo-o01", "foo-01x", "bar-01", "zzz")))
        .containsExactly("fo-o01", "foo-01x", "foo-1");
  }

  @Test
  void theClosestComeFirstAndAtMostFiveAreSuggested() {
    assertThat(
            CloseNames.closeTo(
                "abcdefgh",
                List.of("abcdefgx", "abcdefxx", "abcdefg1", "abcdefg2", "abcdefg3", "abcdefg4")))
        .hasSize(5)
        .startsWith("abcdefg1")
        .doesNotContain("abcdefxx");
  }

  @Test
  void shortNamesAllowOneEditOnly() {
    assertThat(CloseNames.closeTo("jack", List.of("jak", "jake", "jill"))).containsExactly("jak");
  }

  @Test
  void theNameItselfIsNeverSuggested() {
    assertThat(CloseNames.closeTo("jack", List.of("jack"))).isEmpty();
  }

  @Test
  void distanceCountsASwapOfNeighboursAsOne() {
    assertThat(CloseNames.distance("jack", "jakc")).isEqualTo(1);
    assertThat(CloseNames.distance("", "abc")).isEqualTo(3);
  }
}
