package my.domain.tutorial.kubectl.why;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.friendship.Friendship;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.api.friendship.Verdict;
import my.domain.tutorial.api.v1.Foo;

/**
 * {@code why}'s answer from what was read ({@link Facts}): the verdict, then the findings of each
 * concern's rules in a fixed order (the verdict's own, where the friend might be, the status, the
 * operator). Pure. The verdict itself is the api module's {@link Friendship}, the very rule the
 * operator applies, so the plugin and the operator never disagree; when the friend Pod cannot be
 * read, it is the one in the Foo's status.
 */
public final class Diagnosis {
  private Diagnosis() {}

  public static WhyReport diagnose(Facts facts) {
    String ns = facts.namespace();
    String name = facts.name();
    List<Finding> findings = new ArrayList<>();

    if (facts.foo() instanceof Lookup.Forbidden<?> refused) {
      findings.add(Fixes.forbidden(refused, "read the Foo itself, so there is no verdict"));
      return new WhyReport(ns, name, false, null, null, null, findings);
    }
    Optional<Foo> maybeFoo = facts.foo().found().flatMap(o -> o);
    if (maybeFoo.isEmpty()) {
      if (!facts.fooApiInstalled()) {
        findings.add(FooRules.apiNotInstalled());
        return new WhyReport(ns, name, false, null, null, null, findings);
      }
      findings.add(FooRules.notFound(facts));
      facts
          .fooNames()
          .refusal()
          .ifPresent(r -> findings.add(Fixes.forbidden(r, "list the Foos to suggest close names")));
      return new WhyReport(ns, name, false, null, null, null, findings);
    }

    Foo foo = maybeFoo.get();
    Optional<Verdict> verdict;
    String from;
    if (facts.friend() instanceof Lookup.Found<Optional<FriendPod>> found) {
      verdict = Optional.of(Friendship.verdict(foo, found.value()));
      from = WhyReport.FROM_CLUSTER;
    } else {
      verdict = VerdictRules.fromStatus(foo);
      from = verdict.isPresent() ? WhyReport.FROM_STATUS : null;
      facts
          .friend()
          .refusal()
          .ifPresent(
              r ->
                  findings.add(
                      Fixes.forbidden(
                          r,
                          "see Pod "
                              + foo.friendName()
                              + " itself, "
                              + (verdict.isPresent()
                                  ? "so the verdict is the one in the Foo's status"
                                  : "and the Foo has no status yet, so there is no verdict"))));
    }
    verdict.ifPresent(v -> findings.add(0, VerdictRules.finding(foo, v)));

    if (verdict
        .map(v -> v.reason() == Reason.FriendNotFound)
        .orElse(facts.friend() instanceof Lookup.Forbidden)) {
      findings.addAll(OtherNamespaceRule.findings(facts, foo));
      findings.addAll(NamespacePodsRule.findings(facts, foo));
    }
    if (WhyReport.FROM_CLUSTER.equals(from)) {
      StatusRules.against(foo, verdict.get(), facts.operator()).ifPresent(findings::add);
    } else if (foo.getStatus() == null) {
      findings.add(StatusRules.noStatusYet(foo, facts.operator()));
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

  /** The findings about the operator, which hold for every Foo alike ({@link OperatorRules}). */
  static List<Finding> operator(Facts facts) {
    return OperatorRules.findings(facts.operator(), facts.now());
  }
}
