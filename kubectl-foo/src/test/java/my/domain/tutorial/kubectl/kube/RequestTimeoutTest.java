package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;

class RequestTimeoutTest {
  @Test
  void durationsParseLikeKubectls() {
    assertThat(RequestTimeout.parse("0")).isEmpty();
    assertThat(RequestTimeout.parse("30")).contains(Duration.ofSeconds(30));
    assertThat(RequestTimeout.parse("1m30s")).contains(Duration.ofSeconds(90));
    assertThat(RequestTimeout.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(RequestTimeout.parse("2h")).isEqualTo(Optional.of(Duration.ofHours(2)));
  }

  @Test
  void anythingElseIsAUsageError() {
    for (String bad : new String[] {"soon", "1x", "1m 2s", "-1s", ""}) {
      assertThatThrownBy(() -> RequestTimeout.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              PluginException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }
  }
}
