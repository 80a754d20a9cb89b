package my.domain.tutorial.operator.status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;

/** Pure: the status a Foo should have, given what it has now and the latest verdict. */
public final class StatusCalculator {

  private StatusCalculator() {}

  /**
   * The Happy condition keeps its lastTransitionTime unless its status flips, so {@code kubectl
   * wait --for=condition=Happy} and alerting on transitions stay meaningful. Conditions of other
   * types, should someone add them, are kept as they are.
   */
  public static FooStatus next(FooStatus current, Verdict verdict, long generation, Instant now) {
    String conditionStatus = verdict.happy() ? FooCondition.TRUE : FooCondition.FALSE;
    Optional<FooCondition> previous =
        current == null ? Optional.empty() : current.condition(FooCondition.HAPPY);
    String lastTransition =
        previous
            .filter(c -> conditionStatus.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(FooCondition::getLastTransitionTime)
            .orElseGet(
                () -> DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));

    List<FooCondition> conditions = new ArrayList<>();
    if (current != null) {
      current.getConditions().stream()
          .filter(c -> !FooCondition.HAPPY.equals(c.getType()))
          .forEach(conditions::add);
    }
    conditions.add(
        0,
        new FooCondition(
            FooCondition.HAPPY,
            conditionStatus,
            generation,
            lastTransition,
            verdict.reason().name(),
            verdict.message()));

    FooStatus next = new FooStatus();
    next.setHappy(verdict.happy());
    next.setObservedGeneration(generation);
    next.setConditions(conditions);
    return next;
  }

  /** True when happiness changed, counting the very first verdict of a Foo as a change. */
  public static boolean happinessFlipped(FooStatus before, FooStatus after) {
    Boolean was = before == null ? null : before.getHappy();
    return was == null || !was.equals(after.getHappy());
  }
}
