package my.domain.tutorial.kubectl.why;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import my.domain.tutorial.api.v1.FooStatus;
import my.domain.tutorial.kubectl.commands.CrdCommand;
import my.domain.tutorial.kubectl.names.CloseNames;
import my.domain.tutorial.kubectl.why.Facts.PodSummary;

/**
 * The rules of {@code why}: from what was read ({@link Facts}) to the verdict and every finding
 * that explains it, each with a fix. Pure. The verdict itself is the api module's {@link
 * Friendship}, the very rule the operator applies, so the plugin and the operator never disagree.
 */
public final class Diagnosis {
  /** What a Lease without leaseDurationSeconds is taken to last: the operator's default. */
  static final int DEFAULT_LEASE_SECONDS = (int) OperatorDefaults.LEASE_DURATION.toSeconds();

  private Diagnosis() {}

  public static WhyReport diagnose(Facts facts) {
    String ns = facts.namespace();
    String name = facts.name();
    List<Finding> findings = new ArrayList<>();

    if (facts.foo() instanceof Lookup.Forbidden<?> refused) {
      findings.add(forbidden(refused, "read the Foo itself, so there is no verdict"));
      return new WhyReport(ns, name, false, null, null, null, findings);
    }
    Optional<Foo> maybeFoo = facts.foo().found().flatMap(o -> o);
    if (maybeFoo.isEmpty()) {
      if (!facts.fooApiInstalled()) {
        findings.add(
            new Finding(
                FindingCode.FooApiNotInstalled,
                "The Foo API (foos.tutorial.my.domain/v1) is not installed on this cluster.",
                "install the CRD: " + CrdCommand.INSTALL + ", then create the Foo"));
        return new WhyReport(ns, name, false, null, null, null, findings);
      }
      findings.add(fooNotFound(facts));
      facts
          .fooNames()
          .refusal()
          .ifPresent(r -> findings.add(forbidden(r, "list the Foos to suggest close names")));
      return new WhyReport(ns, name, false, null, null, null, findings);
    }

    Foo foo = maybeFoo.get();
    String friend = foo.friendName();
    Optional<Verdict> verdict;
    String from;
    if (facts.friend() instanceof Lookup.Found<Optional<FriendPod>> found) {
      verdict = Optional.of(Friendship.verdict(foo, found.value()));
      from = WhyReport.FROM_CLUSTER;
    } else {
      verdict = fromStatus(foo);
      from = verdict.isPresent() ? WhyReport.FROM_STATUS : null;
      facts
          .friend()
          .refusal()
          .ifPresent(
              r ->
                  findings.add(
                      forbidden(
                          r,
                          verdict.isPresent()
                              ? "see Pod "
                                  + friend
                                  + " itself, so the verdict is the one in the Foo's status"
                              : "see Pod "
                                  + friend
                                  + " itself, and the Foo has no status yet, so there is no verdict")));
    }
    verdict.ifPresent(v -> findings.add(0, verdictFinding(foo, v)));

    if (verdict
        .map(v -> v.reason() == Reason.FriendNotFound)
        .orElse(facts.friend() instanceof Lookup.Forbidden)) {
      findings.addAll(whereTheFriendMightBe(facts, foo));
    }
    if (from != null && from.equals(WhyReport.FROM_CLUSTER)) {
      statusNotReconciled(foo, verdict.get(), facts.operator()).ifPresent(findings::add);
    } else if (foo.getStatus() == null) {
      findings.add(noStatusYet(foo, facts.operator()));
    }
    findings.addAll(operator(facts));
    return new WhyReport(
        ns,
        name,
        true,
        verdict.map(Verdict::happy).orElse(null),
        verdict.map(v -> v.reason().name()).orElse(null),
        from,
        findings);
  }

  private static Finding verdictFinding(Foo foo, Verdict v) {
    String ns = foo.getMetadata().getNamespace();
    String friend = foo.friendName();
    String name = foo.getMetadata().getName();
    return switch (v.reason()) {
      case FriendFound -> new Finding(FindingCode.FriendFound, v.message() + ".", null);
      case FriendNotFound ->
          new Finding(
              FindingCode.FriendNotFound,
              v.message() + ".",
              "create Pod "
                  + friend
                  + " in namespace "
                  + ns
                  + ", or point the Foo at a Pod that exists: kubectl patch"
                  + " foo "
                  + name
                  + " -n "
                  + ns
                  + " --type merge -p '{\"spec\":{\"name\":\"POD\"}}'");
      case FriendTerminating ->
          new Finding(
              FindingCode.FriendTerminating,
              v.message() + ".",
              "wait until it is gone and create it again; if it hangs, see what holds it: kubectl get pod "
                  + friend
                  + " -n "
                  + ns
                  + " -o jsonpath='{.metadata.finalizers}'");
      case NoFriendNamed ->
          new Finding(
              FindingCode.NoFriendNamed,
              v.message() + ".",
              "name the friend Pod: kubectl patch foo "
                  + name
                  + " -n "
                  + ns
                  + " --type merge -p"
                  + " '{\"spec\":{\"name\":\"POD\"}}'");
    };
  }

  private static Optional<Verdict> fromStatus(Foo foo) {
    FooStatus status = foo.getStatus();
    if (status == null || status.getHappy() == null) {
      return Optional.empty();
    }
    Optional<FooCondition> happy = status.condition(FooCondition.HAPPY);
    Reason reason =
        happy
            .map(FooCondition::getReason)
            .flatMap(Diagnosis::reason)
            .orElse(status.getHappy() ? Reason.FriendFound : Reason.FriendNotFound);
    String message =
        happy
            .map(FooCondition::getMessage)
            .filter(m -> !m.isEmpty())
            .orElse("The Foo's status says " + (status.getHappy() ? "happy" : "unhappy"));
    return Optional.of(new Verdict(status.getHappy(), reason, message));
  }

  private static Optional<Reason> reason(String s) {
    try {
      return Optional.of(Reason.valueOf(s));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static List<Finding> whereTheFriendMightBe(Facts facts, Foo foo) {
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
            r -> findings.add(forbidden(r, "look for Pod " + friend + " in other namespaces")));

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
                      forbidden(
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
                "point the Foo at the Pod you meant: kubectl patch foo "
                    + name
                    + " -n "
                    + ns
                    + " --type merge -p '{\"spec\":{\"name\":\""
                    + close.get(0)
                    + "\"}}'"));
      }
    }
    facts
        .podsInNamespace()
        .refusal()
        .ifPresent(
            r ->
                findings.add(
                    forbidden(
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
        "a Foo befriends one Pod by its exact name: point it at one of the workload's Pods (kubectl patch foo "
            + name
            + " -n "
            + ns
            + " --type merge -p '{\"spec\":{\"name\":\""
            + example
            + "\"}}'), or run the"
            + " friend as a Pod named "
            + friend);
  }

  private static Optional<Finding> statusNotReconciled(
      Foo foo, Verdict live, OperatorSearch operator) {
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

  private static Finding noStatusYet(Foo foo, OperatorSearch operator) {
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
            .map(where -> deploymentAndLogs(where, deployment))
            .orElse(
                "find it with kubectl get deploy -A --field-selector metadata.name="
                    + deployment
                    + ", and read its logs: kubectl -n NAMESPACE logs deploy/"
                    + deployment);
  }

  private static String deploymentAndLogs(String namespace, String deployment) {
    return "kubectl -n "
        + namespace
        + " get deploy "
        + deployment
        + ", and its logs: kubectl -n "
        + namespace
        + " logs deploy/"
        + deployment;
  }

  /**
   * What the search for the operator's Lease says about the operator, the same for every Foo:
   * nothing when a Lease was renewed in time; {@code OperatorNotRunning} when none exists where the
   * search could see everything, or the latest expired; {@code Forbidden} naming every read that
   * was refused when it found no Lease but could not look everywhere.
   */
  static List<Finding> operator(Facts facts) {
    OperatorSearch search = facts.operator();
    if (!search.searched()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Optional<OperatorSearch.FoundLease> latest = search.latest();
    if (latest.isPresent()) {
      OperatorSearch.FoundLease lease = latest.get();
      expired(lease.info(), facts.now())
          .ifPresent(
              when ->
                  findings.add(
                      new Finding(
                          FindingCode.OperatorNotRunning,
                          "The operator's leader Lease "
                              + lease.namespace()
                              + "/"
                              + lease.name()
                              + lease.info().holder().map(h -> " (held by " + h + ")").orElse("")
                              + " "
                              + when
                              + ", and it is valid for "
                              + lease.info().durationSeconds().orElse(DEFAULT_LEASE_SECONDS)
                              + "s only: the operator has stopped.",
                          "see why it stopped: "
                              + deploymentAndLogs(lease.namespace(), search.deployment()))));
      if (findings.isEmpty() || search.refused().isEmpty()) {
        return findings;
      }
    }
    if (!search.refused().isEmpty()) {
      findings.add(
          leaseNotVisible(
              search,
              latest.isPresent()
                  ? "could not see whether an operator runs there instead"
                  : "could not find the operator's leader Lease, so whether the operator runs is"
                      + " unknown"));
      return findings;
    }
    findings.add(noLease(search));
    return findings;
  }

  private static Finding noLease(OperatorSearch search) {
    String running =
        ": no operator is running (or it runs without leader election), so nothing keeps Foo"
            + " status up to date.";
    if (search.pinned().isPresent()) {
      String ns = search.pinned().get();
      return new Finding(
          FindingCode.OperatorNotRunning,
          "The operator's leader Lease "
              + ns
              + "/"
              + search.leaseName()
              + " does not exist"
              + running,
          "start the operator (kubectl -n "
              + ns
              + " get deploy "
              + search.deployment()
              + "); if it was installed in another namespace, leave out --operator-namespace and"
              + " why finds it");
    }
    return new Finding(
        FindingCode.OperatorNotRunning,
        "No namespace has the operator's leader Lease ("
            + (search.leaseName() == null ? "" : search.leaseName() + ", ")
            + "a Lease labelled "
            + OperatorLocator.LABEL
            + ")"
            + running,
        "install the operator, or start it where it is installed: kubectl get deploy -A"
            + " --field-selector metadata.name="
            + search.deployment());
  }

  /** The search found no Lease, but some reads were refused: say what, not a guess. */
  private static Finding leaseNotVisible(OperatorSearch search, String consequence) {
    List<String> refused =
        search.refused().stream()
            .map(r -> r.verb() + " " + r.resource() + " in " + r.scope())
            .toList();
    String message =
        "Not allowed to "
            + String.join(", nor to ", refused)
            + (search.readWithout().isEmpty()
                ? ""
                : " (no operator Lease in " + String.join(", ", search.readWithout()) + ")")
            + ": "
            + consequence
            + ".";
    if (search.olm().isPresent()) {
      OlmInstall olm = search.olm().get();
      return new Finding(
          FindingCode.Forbidden,
          message
              + " OLM installed the operator in namespace "
              + olm.namespace()
              + " (ClusterServiceVersion "
              + olm.csv()
              + olm.phase().map(p -> ", phase " + p).orElse("")
              + ").",
          "check it there: "
              + deploymentAndLogs(olm.namespace(), olm.deployment())
              + "; for why to tell whether it runs, ask a cluster admin for list on "
              + OperatorLocator.RESOURCE
              + " in namespace "
              + olm.namespace());
    }
    return new Finding(
        FindingCode.Forbidden,
        message,
        "ask a cluster admin for list on "
            + OperatorLocator.RESOURCE
            + " in the operator's namespace and run this with --operator-namespace NAMESPACE, or"
            + " ask someone who may read it to run this");
  }

  /**
   * When the Lease was last renewed ("was last renewed 2m ago"), if that is longer ago than it is
   * valid.
   */
  static Optional<String> expired(Facts.LeaseInfo lease, Instant now) {
    if (lease.renewTime().isEmpty()) {
      return Optional.of("has never been renewed");
    }
    Duration since = Duration.between(lease.renewTime().get(), now);
    Duration valid = Duration.ofSeconds(lease.durationSeconds().orElse(DEFAULT_LEASE_SECONDS));
    return since.compareTo(valid) > 0
        ? Optional.of(
            "was last renewed " + my.domain.tutorial.kubectl.output.Ages.human(since) + " ago")
        : Optional.empty();
  }

  private static Finding fooNotFound(Facts facts) {
    List<String> close =
        facts
            .fooNames()
            .found()
            .map(names -> CloseNames.closeTo(facts.name(), names))
            .orElse(List.of());
    String ns = facts.namespace();
    return new Finding(
        FindingCode.FooNotFound,
        "There is no Foo "
            + facts.name()
            + " in namespace "
            + ns
            + "."
            + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?"),
        close.isEmpty()
            ? "list the Foos (kubectl foo get -n "
                + ns
                + ", or -A for every namespace), or create it: kubectl foo"
                + " create "
                + facts.name()
                + " --friend POD -n "
                + ns
            : "ask about the one you meant: kubectl foo why " + close.get(0) + " -n " + ns);
  }

  private static Finding forbidden(Lookup.Forbidden<?> r, String consequence) {
    return new Finding(
        FindingCode.Forbidden,
        "Not allowed to " + r.describe() + ": could not " + consequence + ".",
        "ask a cluster admin for "
            + r.verb()
            + " on "
            + r.resource()
            + " in "
            + r.scope()
            + ", or ask someone who has it to run this");
  }
}
