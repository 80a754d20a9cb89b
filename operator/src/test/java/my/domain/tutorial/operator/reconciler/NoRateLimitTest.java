package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoRateLimitTest {
  private final NoRateLimit limit = new NoRateLimit();

  @Test
  void everyFoo_sharesOneState_andIsNeverHeldBack() {
    var first = limit.initState();
    var second = limit.initState();

    assertThat(first).isSameAs(second);
    for (int i = 0; i < 1000; i++) {
      assertThat(limit.isLimited(first)).isEmpty();
    }
  }
}
