package my.domain.tutorial.kubectl.why;

import java.util.Optional;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;

/**
 * The verdict's own finding (FriendFound, FriendNotFound, FriendTerminating, NoFriendNamed) with
 * its fix, and the verdict taken from the Foo's status when the friend Pod cannot be read.
 */
final class VerdictRules {
  private VerdictRules() {}

  static Finding finding(Foo foo, Verdict v) {
    String ns = foo.getMetadata().getNamespace();
    String friend = foo.friendName();
    String name = foo.getMetadata().getName();
    String message = v.message() + ".";
    return switch (v.reason()) {
      case FriendFound -> new Finding(FindingCode.FriendFound, message, null);
      case FriendNotFound ->
          new Finding(
              FindingCode.FriendNotFound,
              message,
              "create Pod "
                  + friend
                  + " in namespace "
                  + ns
                  + ", or point the Foo at a Pod that exists: "
                  + Fixes.patchFriend(name, ns, "POD"));
      case FriendTerminating ->
          new Finding(
              FindingCode.FriendTerminating,
              message,
              "wait until it is gone and create it again; if it hangs, see what holds it: kubectl get pod "
                  + friend
                  + " -n "
                  + ns
                  + " -o jsonpath='{.metadata.finalizers}'");
      case NoFriendNamed ->
          new Finding(
              FindingCode.NoFriendNamed,
              message,
              "name the friend Pod: " + Fixes.patchFriend(name, ns, "POD"));
    };
  }

  /** The verdict the operator last wrote, when the Foo has a status. */
  static Optional<Verdict> fromStatus(Foo foo) {
    FooStatus status = foo.getStatus();
    if (status == null || status.getHappy() == null) {
      return Optional.empty();
    }
    Optional<FooCondition> happy = status.condition(FooCondition.HAPPY);
    Reason reason =
        happy
            .map(FooCondition::getReason)
            .flatMap(Reason::parse)
            .orElse(status.getHappy() ? Reason.FriendFound : Reason.FriendNotFound);
    String message =
        happy
            .map(FooCondition::getMessage)
            .filter(m -> !m.isEmpty())
            .orElse("The Foo's status says " + (status.getHappy() ? "happy" : "unhappy"));
    return Optional.of(new Verdict(status.getHappy(), reason, message));
  }
}
