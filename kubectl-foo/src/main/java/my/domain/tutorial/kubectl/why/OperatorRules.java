package my.domain.tutorial.kubectl.why;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the search for the operator's leader Lease says about the operator, the same for every Foo:
 * nothing when a Lease was renewed in time; {@code OperatorNotRunning} when none exists where the
 * search could see everything, or the latest expired; {@code Forbidden} naming every read that was
 * refused when it found no Lease but could not look everywhere.
 */
final class OperatorRules {
  private OperatorRules() {}

  static List<Finding> findings(OperatorSearch search, Instant now) {
    if (!search.searched()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Optional<OperatorSearch.FoundLease> latest = search.latest();
    if (latest.isPresent()) {
      OperatorSearch.FoundLease lease = latest.get();
      LeaseExpiry.expired(lease.info(), now)
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
                              + LeaseExpiry.validSeconds(lease.info())
                              + "s only: the operator has stopped.",
                          "see why it stopped: "
                              + Fixes.deploymentAndLogs(lease.namespace(), search.deployment()))));
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
            + OperatorSearch.LABEL
            + ")"
            + running,
        "install the operator, or start it where it is installed: "
            + Fixes.findDeployment(search.deployment()));
  }

  /** The search found no Lease, but some reads were refused: say what, not a guess. */
  private static Finding leaseNotVisible(OperatorSearch search, String consequence) {
    List<String> refused = search.refused().stream().map(Lookup.Forbidden::describe).toList();
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
              + Fixes.deploymentAndLogs(olm.namespace(), olm.deployment())
              + "; for why to tell whether it runs, ask a cluster admin for list on "
              + OperatorSearch.LEASES
              + " in namespace "
              + olm.namespace());
    }
    return new Finding(
        FindingCode.Forbidden,
        message,
        "ask a cluster admin for list on "
            + OperatorSearch.LEASES
            + " in the operator's namespace and run this with --operator-namespace NAMESPACE, or"
            + " ask someone who may read it to run this");
  }
}
