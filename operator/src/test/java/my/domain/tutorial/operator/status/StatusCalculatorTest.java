package my.domain.tutorial.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;
import org.junit.jupiter.api.Test;

class StatusCalculatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");
  private static final Instant T1 = Instant.parse("2026-01-01T11:00:00Z");
  private static final Verdict HAPPY = new Verdict(true, Reason.FriendFound, "Pod jack exists");
  private static final Verdict MISSING =
      new Verdict(false, Reason.FriendNotFound, "Pod jack does not exist");
  private static final Verdict TERMINATING =
      new Verdict(false, Reason.FriendTerminating, "Pod jack is being deleted");

  @Test
  void firstVerdict_setsHappyConditionAndObservedGeneration() {
    FooStatus status = StatusCalculator.next(null, MISSING, 3, T0);

    assertThat(status.getHappy()).isFalse();
    assertThat(status.getObservedGeneration()).isEqualTo(3);
    FooCondition happy = status.condition(FooCondition.HAPPY).orElseThrow();
    assertThat(happy.getStatus()).isEqualTo("False");
    assertThat(happy.getReason()).isEqualTo("FriendNotFound");
    assertThat(happy.getMessage()).isEqualTo("Pod jack does not exist");
    assertThat(happy.getObservedGeneration()).isEqualTo(3);
    assertThat(happy.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void sameVerdictAgain_yieldsAnEqualStatus_soNothingIsWritten() {
    FooStatus first = StatusCalculator.next(null, HAPPY, 1, T0);

    assertThat(StatusCalculator.next(first, HAPPY, 1, T1)).isEqualTo(first);
  }

  @Test
  void whenHappinessFlips_lastTransitionTimeMoves() {
    FooStatus first = StatusCalculator.next(null, HAPPY, 1, T0);

    FooStatus flipped = StatusCalculator.next(first, MISSING, 1, T1);

    assertThat(flipped.condition(FooCondition.HAPPY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-01-01T11:00:00Z");
    assertThat(StatusCalculator.happinessFlipped(first, flipped)).isTrue();
  }

  @Test
  void whenOnlyTheReasonChanges_lastTransitionTimeStaysAndHappinessDidNotFlip() {
    FooStatus missing = StatusCalculator.next(null, MISSING, 1, T0);

    FooStatus terminating = StatusCalculator.next(missing, TERMINATING, 1, T1);

    FooCondition happy = terminating.condition(FooCondition.HAPPY).orElseThrow();
    assertThat(happy.getReason()).isEqualTo("FriendTerminating");
    assertThat(happy.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(StatusCalculator.happinessFlipped(missing, terminating)).isFalse();
  }

  @Test
  void newGeneration_updatesObservedGenerationWithoutTransition() {
    FooStatus gen1 = StatusCalculator.next(null, HAPPY, 1, T0);

    FooStatus gen2 = StatusCalculator.next(gen1, HAPPY, 2, T1);

    assertThat(gen2).isNotEqualTo(gen1);
    assertThat(gen2.getObservedGeneration()).isEqualTo(2);
    assertThat(gen2.condition(FooCondition.HAPPY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void conditionsOfOtherTypes_areKept() {
    FooStatus current = new FooStatus();
    FooCondition other =
        new FooCondition("Audited", "True", 1L, "2025-01-01T00:00:00Z", "Checked", "ok");
    current.setConditions(List.of(other));

    FooStatus next = StatusCalculator.next(current, HAPPY, 1, T0);

    assertThat(next.getConditions())
        .extracting(FooCondition::getType)
        .containsExactly("Happy", "Audited");
  }

  @Test
  void theVeryFirstVerdictCountsAsAFlip() {
    assertThat(StatusCalculator.happinessFlipped(null, StatusCalculator.next(null, MISSING, 1, T0)))
        .isTrue();
  }
}
