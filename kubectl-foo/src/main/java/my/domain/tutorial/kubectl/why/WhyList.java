package my.domain.tutorial.kubectl.why;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.friendship.Reason;
import my.domain.tutorial.kubectl.errors.ExitCodes;

/**
 * The answer of {@code why} without a name, and its {@code -o json} document: a report per Foo that
 * is not happy (every Foo with {@code --all}), worst first, the operator's findings once for all,
 * and the counts.
 *
 * @param namespace the namespace asked about; null with {@code -A}
 * @param total how many Foos there are
 * @param unhappy how many are not happy (no verdict counts as not happy)
 * @param reasons how many are not happy for each reason, most frequent first
 * @param operator the findings about the operator (its Lease), which hold for every Foo alike
 * @param items the reports, worst first, without the operator's findings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespace", "total", "unhappy", "reasons", "operator", "items"})
public record WhyList(
    String namespace,
    int total,
    int unhappy,
    Map<String, Integer> reasons,
    List<Finding> operator,
    List<WhyReport> items) {
  /** The reason shown for a Foo {@code why} could not reach a verdict on. */
  public static final String NO_VERDICT = "NoVerdict";

  public WhyList {
    reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    operator = List.copyOf(operator);
    items = List.copyOf(items);
  }

  /**
   * Diagnoses each Foo as {@code why NAME} would, then orders and counts: Foos with no verdict
   * first, then NoFriendNamed, FriendNotFound, FriendTerminating, then the happy ones; within a
   * rank, by namespace and name.
   */
  public static WhyList of(String namespace, List<Facts> facts, boolean includeHappy) {
    List<Finding> operator = facts.isEmpty() ? List.of() : Diagnosis.operator(facts.get(0));
    List<WhyReport> reports = new ArrayList<>();
    for (Facts f : facts) {
      WhyReport r = Diagnosis.diagnose(f);
      reports.add(
          new WhyReport(
              r.namespace(),
              r.name(),
              r.exists(),
              r.happy(),
              r.reason(),
              r.verdictFrom(),
              r.findings().stream().filter(x -> !operator.contains(x)).toList()));
    }
    reports.sort(
        Comparator.comparingInt(WhyList::rank)
            .thenComparing(WhyReport::namespace)
            .thenComparing(WhyReport::name));
    Map<String, Integer> counts = new LinkedHashMap<>();
    reports.stream()
        .filter(r -> !Boolean.TRUE.equals(r.happy()))
        .forEach(r -> counts.merge(reasonOf(r), 1, Integer::sum));
    Map<String, Integer> reasons = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> reasons.put(e.getKey(), e.getValue()));
    int unhappy = counts.values().stream().mapToInt(Integer::intValue).sum();
    return new WhyList(
        namespace,
        reports.size(),
        unhappy,
        reasons,
        operator,
        includeHappy
            ? reports
            : reports.stream().filter(r -> !Boolean.TRUE.equals(r.happy())).toList());
  }

  /** 0 when every Foo is happy, 1 when any is not. */
  @JsonIgnore
  public int exitCode() {
    return unhappy == 0 ? ExitCodes.OK : ExitCodes.UNHAPPY_OR_REFUSED;
  }

  static String reasonOf(WhyReport r) {
    return r.reason() == null ? NO_VERDICT : r.reason();
  }

  private static int rank(WhyReport r) {
    if (r.happy() == null) {
      return 0;
    }
    if (r.happy()) {
      return 4;
    }
    return Reason.parse(r.reason())
        .map(
            reason ->
                switch (reason) {
                  case NoFriendNamed -> 1;
                  case FriendNotFound -> 2;
                  case FriendTerminating, FriendFound -> 3;
                })
        .orElse(3);
  }
}
