package my.domain.tutorial.kubectl.why;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.kubectl.why.Facts.LeaseInfo;

/**
 * Where {@code why} looked for the operator's leader Lease and what it found, as plain data: the
 * rules ({@link OperatorRules}) decide from it whether the operator runs, and where.
 *
 * @param searched false when there was nothing to look for it for (no Foo)
 * @param pinned the namespace the user named with {@code --operator-namespace}, if any
 * @param leaseName the Lease name asked for; null for any Lease with the operator's label
 * @param leases the operator's Leases found
 * @param readWithout the scopes read without finding one ("all namespaces", "namespace x")
 * @param refused the reads the API server refused
 * @param olm what OLM's ClusterServiceVersion in the Foo's namespace says, read only when no Lease
 *     was found and some reads were refused
 */
public record OperatorSearch(
    boolean searched,
    Optional<String> pinned,
    String leaseName,
    List<FoundLease> leases,
    List<String> readWithout,
    List<Lookup.Forbidden<?>> refused,
    Optional<OlmInstall> olm) {
  /** The resource the operator's leader Lease is, as RBAC names it. */
  public static final String LEASES = "leases.coordination.k8s.io";

  /** The label selector of the operator's Leases. */
  public static final String LABEL =
      OperatorDefaults.NAME_LABEL + "=" + OperatorDefaults.NAME_LABEL_VALUE;

  public OperatorSearch {
    leases = List.copyOf(leases);
    readWithout = List.copyOf(readWithout);
    refused = List.copyOf(refused);
  }

  /** One of the operator's Leases. */
  public record FoundLease(String namespace, String name, LeaseInfo info) {}

  /** No search made: there was no Foo to explain. */
  public static OperatorSearch notSearched() {
    return new OperatorSearch(
        false, Optional.empty(), null, List.of(), List.of(), List.of(), Optional.empty());
  }

  /** The Lease that says most about the operator: the most recently renewed. */
  public Optional<FoundLease> latest() {
    return leases.stream()
        .max(
            Comparator.comparing(
                (FoundLease l) -> l.info().renewTime().orElse(java.time.Instant.MIN)));
  }

  /** The operator's namespace, when the search tells it. */
  public Optional<String> namespace() {
    return latest()
        .map(FoundLease::namespace)
        .or(() -> pinned)
        .or(() -> olm.map(OlmInstall::namespace));
  }

  /** The operator's Deployment: the one OLM's CSV names, else the shipped manifests'. */
  public String deployment() {
    return olm.map(OlmInstall::deployment).orElse(OperatorDefaults.DEPLOYMENT);
  }
}
