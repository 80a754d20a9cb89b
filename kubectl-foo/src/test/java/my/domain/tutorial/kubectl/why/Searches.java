package my.domain.tutorial.kubectl.why;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.kubectl.why.Facts.LeaseInfo;
import my.domain.tutorial.kubectl.why.OperatorSearch.FoundLease;

/** Outcomes of the search for the operator's Lease, for the pure tests. */
final class Searches {
  static final String LEASE = "foo-operator-leader";

  private Searches() {}

  /** The operator's Lease in {@code namespace}, renewed {@code secondsAgo} before {@code now}. */
  static OperatorSearch leaseIn(String namespace, Instant now, long secondsAgo) {
    return new OperatorSearch(
        true,
        Optional.empty(),
        null,
        List.of(
            new FoundLease(
                namespace,
                LEASE,
                new LeaseInfo(
                    Optional.of(now.minusSeconds(secondsAgo)),
                    Optional.of(15),
                    Optional.of("op-1")))),
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** Leases listed across all namespaces, none with the operator's label. */
  static OperatorSearch noneAnywhere() {
    return new OperatorSearch(
        true,
        Optional.empty(),
        null,
        List.of(),
        List.of("all namespaces"),
        List.of(),
        Optional.empty());
  }

  /** {@code --operator-namespace namespace}, where there is no such Lease. */
  static OperatorSearch noneInPinned(String namespace) {
    return new OperatorSearch(
        true,
        Optional.of(namespace),
        LEASE,
        List.of(),
        List.of("namespace " + namespace),
        List.of(),
        Optional.empty());
  }

  /** The cluster-wide list refused, {@code readable} read without a Lease, the rest refused. */
  static OperatorSearch refused(List<String> readable, List<String> refusedNamespaces) {
    List<Lookup.Forbidden<?>> refused = new java.util.ArrayList<>();
    refused.add(new Lookup.Forbidden<>("list", OperatorSearch.LEASES, "all namespaces"));
    refusedNamespaces.forEach(
        ns ->
            refused.add(new Lookup.Forbidden<>("list", OperatorSearch.LEASES, "namespace " + ns)));
    return new OperatorSearch(
        true,
        Optional.empty(),
        null,
        List.of(),
        readable.stream().map(ns -> "namespace " + ns).toList(),
        refused,
        Optional.empty());
  }

  /** As {@link #refused}, with OLM's CSV in the Foo's namespace naming where it installed it. */
  static OperatorSearch refusedWithCsv(List<String> readable, OlmInstall olm) {
    OperatorSearch s = refused(readable, List.of("foo-system", "openshift-operators", "operators"));
    return new OperatorSearch(
        true, Optional.empty(), null, List.of(), s.readWithout(), s.refused(), Optional.of(olm));
  }
}
