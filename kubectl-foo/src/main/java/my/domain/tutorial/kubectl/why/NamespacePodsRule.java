package my.domain.tutorial.kubectl.why;

import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.names.CloseNames;
import my.domain.tutorial.kubectl.why.Facts.PodSummary;

/**
 * What the Pods of the Foo's namespace say about a missing friend: {@code PodsOfWorkload} (a
 * workload of the friend's name, whose Pods are named {@code friend-<suffix>}) and {@code
 * SimilarPodName} (a Pod named close to the friend: a typo?).
 */
final class NamespacePodsRule {
  private NamespacePodsRule() {}

  static List<Finding> findings(Facts facts, Foo foo) {
    String ns = foo.getMetadata().getNamespace();
    String name = foo.getMetadata().getName();
    String friend = foo.friendName();
    List<Finding> findings = new ArrayList<>();

    List<String> workloadKinds = new ArrayList<>();
    for (Facts.WorkloadCheck check : facts.workloads()) {
      if (check.exists().found().orElse(false)) {
        workloadKinds.add(check.kind());
      }
      check
          .exists()
          .refusal()
          .ifPresent(
              r ->
                  findings.add(
                      Fixes.forbidden(
                          r,
                          "see whether a "
                              + check.kind()
                              + " "
                              + friend
                              + " makes Pods named "
                              + friend
                              + "-...")));
    }
    if (facts.podsInNamespace() instanceof Lookup.Found<List<PodSummary>> f) {
      List<PodSummary> workloadPods =
          f.value().stream()
              .filter(
                  p ->
                      p.name().startsWith(friend + "-")
                          && (p.ownerKind().isPresent() || !workloadKinds.isEmpty()))
              .toList();
      if (!workloadKinds.isEmpty() || !workloadPods.isEmpty()) {
        findings.add(podsOfWorkload(ns, name, friend, workloadKinds, workloadPods));
      }
      List<String> others =
          f.value().stream()
              .map(PodSummary::name)
              .filter(p -> workloadPods.stream().noneMatch(w -> w.name().equals(p)))
              .toList();
      List<String> close = CloseNames.closeTo(friend, others);
      if (!close.isEmpty()) {
        findings.add(
            new Finding(
                FindingCode.SimilarPodName,
                "Namespace "
                    + ns
                    + " has Pod"
                    + (close.size() > 1 ? "s " : " ")
                    + String.join(", ", close)
                    + ", close to "
                    + friend
                    + ": a typo?",
                "point the Foo at the Pod you meant: "
                    + Fixes.patchFriend(name, ns, close.get(0))));
      }
    }
    facts
        .podsInNamespace()
        .refusal()
        .ifPresent(
            r ->
                findings.add(
                    Fixes.forbidden(
                        r,
                        "look for Pods with names close to "
                            + friend
                            + " or made by a workload "
                            + friend)));
    return findings;
  }

  private static Finding podsOfWorkload(
      String ns, String name, String friend, List<String> kinds, List<PodSummary> pods) {
    StringBuilder message = new StringBuilder();
    if (!kinds.isEmpty()) {
      message
          .append(String.join(" and ", kinds.stream().map(k -> k + " " + friend).toList()))
          .append(kinds.size() > 1 ? " exist" : " exists")
          .append(" in namespace ")
          .append(ns)
          .append(", but a workload names its Pods ")
          .append(friend)
          .append("-<suffix>, never ")
          .append(friend)
          .append(".");
    } else {
      message
          .append("Pods named ")
          .append(friend)
          .append("-<suffix> exist in namespace ")
          .append(ns)
          .append(", made by a workload, but no Pod is named ")
          .append(friend)
          .append(".");
    }
    if (!pods.isEmpty()) {
      message
          .append(" Its Pods: ")
          .append(
              String.join(
                  ", ",
                  pods.stream()
                      .limit(CloseNames.MAX_SUGGESTIONS)
                      .map(
                          p ->
                              p.name()
                                  + p.ownerKind()
                                      .map(k -> " (" + k + " " + p.ownerName().orElse("?") + ")")
                                      .orElse(""))
                      .toList()))
          .append(pods.size() > CloseNames.MAX_SUGGESTIONS ? ", ..." : "")
          .append(".");
    }
    String example = pods.isEmpty() ? "POD" : pods.get(0).name();
    return new Finding(
        FindingCode.PodsOfWorkload,
        message.toString(),
        "a Foo befriends one Pod by its exact name: point it at one of the workload's Pods ("
            + Fixes.patchFriend(name, ns, example)
            + "), or run the friend as a Pod named "
            + friend);
  }
}
