package my.domain.tutorial.kubectl.why;

import java.util.Optional;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;

/**
 * {@code StatusNotReconciled}: the Foo's status is missing, describes an older generation, or no
 * longer matches the cluster; the fix points at the operator where it was found.
 */
final class StatusRules {
  private StatusRules() {}

  /** Whether the status agrees with {@code live}, the verdict on what the cluster holds now. */
  static Optional<Finding> against(Foo foo, Verdict live, OperatorSearch operator) {
    FooStatus status = foo.getStatus();
    if (status == null || status.getHappy() == null) {
      return Optional.of(noStatusYet(foo, operator));
    }
    Long generation = foo.getMetadata().getGeneration();
    Long observed = status.getObservedGeneration();
    String fix = operatorFix(foo.getMetadata().getNamespace(), operator);
    if (generation != null && (observed == null || observed < generation)) {
      return Optional.of(
          new Finding(
              FindingCode.StatusNotReconciled,
              "The status describes generation "
                  + (observed == null ? "(none)" : observed)
                  + " of the Foo, but its"
                  + " spec is at generation "
                  + generation
                  + ": the operator has not caught up with the last change.",
              fix));
    }
    String reason = status.condition(FooCondition.HAPPY).map(FooCondition::getReason).orElse(null);
    if (status.getHappy() != live.happy()
        || (reason != null && !reason.equals(live.reason().name()))) {
      return Optional.of(
          new Finding(
              FindingCode.StatusNotReconciled,
              "The status says "
                  + (status.getHappy() ? "happy" : "unhappy")
                  + (reason == null ? "" : " (" + reason + ")")
                  + ", but the cluster now says "
                  + (live.happy() ? "happy" : "unhappy")
                  + " ("
                  + live.reason()
                  + "): the operator has not caught up yet.",
              fix));
    }
    return Optional.empty();
  }

  static Finding noStatusYet(Foo foo, OperatorSearch operator) {
    return new Finding(
        FindingCode.StatusNotReconciled,
        "The Foo has no status yet: the operator has not reconciled it.",
        operatorFix(foo.getMetadata().getNamespace(), operator));
  }

  /** What to check when the status lags: the operator's Deployment where it was found. */
  private static String operatorFix(String ns, OperatorSearch operator) {
    String check = "check that the operator runs and watches namespace " + ns + ": ";
    String deployment = operator.deployment();
    return check
        + operator
            .namespace()
            .map(where -> Fixes.deploymentAndLogs(where, deployment))
            .orElse(
                "find it with "
                    + Fixes.findDeployment(deployment)
                    + ", and read its logs: kubectl -n NAMESPACE logs deploy/"
                    + deployment);
  }
}
