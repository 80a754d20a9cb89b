package my.domain.tutorial.api.friendship;

import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;

/**
 * The friendship rule shared by the operator and the plugin, so they can never disagree: a Foo is
 * happy when a Pod named {@code spec.name} exists in the Foo's own namespace and is not being
 * deleted. A Foo that names no friend at all (stored before the CRD required {@code spec}) gets its
 * own reason, so nobody is told to create a Pod called "null".
 */
public final class Friendship {
  private Friendship() {}

  /**
   * @param foo the Foo to judge
   * @param seen the Pod found under the friend's name, if any; a Pod from another namespace or with
   *     another name is ignored, so a caller that looked in the wrong place cannot make a Foo happy
   */
  public static Verdict verdict(Foo foo, Optional<FriendPod> seen) {
    String namespace = foo.getMetadata().getNamespace();
    String friend = foo.friendName();
    Reason reason;
    if (friend == null || friend.isBlank()) {
      reason = Reason.NoFriendNamed;
    } else {
      Optional<FriendPod> pod =
          seen.filter(p -> p.namespace().equals(namespace) && p.name().equals(friend));
      if (pod.isEmpty()) {
        reason = Reason.FriendNotFound;
      } else if (pod.get().terminating()) {
        reason = Reason.FriendTerminating;
      } else {
        reason = Reason.FriendFound;
      }
    }
    return new Verdict(
        reason == Reason.FriendFound,
        reason,
        message(reason, foo.getMetadata().getName(), namespace, friend));
  }

  /**
   * The message a verdict of {@code reason} gives a Foo {@code fooName} in {@code namespace} that
   * names {@code friend}: it says nothing the reason and those names do not, so a cache can keep
   * the four instead of the text.
   */
  public static String message(Reason reason, String fooName, String namespace, String friend) {
    return switch (reason) {
      case NoFriendNamed ->
          "Foo "
              + fooName
              + " in namespace "
              + namespace
              + " names no friend: spec.name is missing";
      case FriendNotFound -> "Pod " + friend + " does not exist in namespace " + namespace;
      case FriendTerminating ->
          "Pod " + friend + " in namespace " + namespace + " is being deleted";
      case FriendFound -> "Pod " + friend + " exists in namespace " + namespace;
    };
  }
}
