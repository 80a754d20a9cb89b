package my.domain.tutorial.kubectl.why;

import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;

/** {@code FriendInOtherNamespace}: a Pod of the friend's name lives where it does not count. */
final class OtherNamespaceRule {
  private OtherNamespaceRule() {}

  static List<Finding> findings(Facts facts, Foo foo) {
    String ns = foo.getMetadata().getNamespace();
    String name = foo.getMetadata().getName();
    String friend = foo.friendName();
    List<Finding> findings = new ArrayList<>();
    if (facts.otherNamespaces() instanceof Lookup.Found<List<String>> f && !f.value().isEmpty()) {
      findings.add(
          new Finding(
              FindingCode.FriendInOtherNamespace,
              "A Pod named "
                  + friend
                  + " exists in namespace"
                  + (f.value().size() > 1 ? "s " : " ")
                  + String.join(", ", f.value())
                  + ", but only Pods in the Foo's own namespace "
                  + ns
                  + " count.",
              "create the Foo where its friend lives: kubectl foo create "
                  + name
                  + " --friend "
                  + friend
                  + " -n "
                  + f.value().get(0)
                  + ", or run Pod "
                  + friend
                  + " in namespace "
                  + ns));
    }
    facts
        .otherNamespaces()
        .refusal()
        .ifPresent(
            r ->
                findings.add(
                    Fixes.forbidden(r, "look for Pod " + friend + " in other namespaces")));
    return findings;
  }
}
