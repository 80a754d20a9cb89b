package my.domain.tutorial.kubectl.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {
  @ParameterizedTest(name = "{0}s is {1}")
  @CsvSource({
    "-5, <invalid>",
    "-1, 0s",
    "0, 0s",
    "59, 59s",
    "119, 119s",
    "120, 2m",
    "150, 2m30s",
    "599, 9m59s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "11100, 3h5m",
    "28800, 8h",
    "172799, 47h",
    "172800, 2d",
    "190800, 2d5h",
    "691200, 8d",
    "63072000, 2y",
    "63158400, 2y1d",
    "252288000, 8y"
  })
  void agesReadLikeKubectls(long seconds, String expected) {
    assertThat(Ages.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void aMissingTimestampIsUnknown() {
    assertThat(Ages.since(null, Instant.now())).isEqualTo("<unknown>");
    assertThat(Ages.since("2026-01-01T00:00:00Z", Instant.parse("2026-01-01T00:05:00Z")))
        .isEqualTo("5m");
  }
}
