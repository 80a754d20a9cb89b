package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.kubectl.paging.Pages;
import my.domain.tutorial.kubectl.why.OperatorSearch.FoundLease;

/**
 * Finds the operator's leader Lease wherever the operator was installed, with as few reads as it
 * can: in the namespace the user named ({@code --operator-namespace}), else by the label the
 * operator puts on it across all namespaces, else (when listing Leases cluster-wide is refused)
 * namespace by namespace where an install puts it: the Foo's own (OwnNamespace), the shipped
 * manifests' {@code foo-system}, then OLM's, stopping at the first that has one; and when that
 * finds none, OLM's ClusterServiceVersion in the Foo's namespace, which names the namespace the
 * operator runs in (its Leases are read there too, if not yet). Reads only.
 */
public final class OperatorLocator {
  static final String RESOURCE = "leases.coordination.k8s.io";
  static final String LABEL = OperatorDefaults.NAME_LABEL + "=" + OperatorDefaults.NAME_LABEL_VALUE;

  /**
   * What the user said about the operator: its namespace ({@code --operator-namespace}) and its
   * Lease's name ({@code --lease-name}); either may be null.
   */
  public record Hint(String namespace, String leaseName) {}

  private final KubernetesClient client;

  public OperatorLocator(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @param fooNamespace the namespace of the Foos asked about, looked in first when Leases cannot
   *     be listed cluster-wide; null with {@code -A}
   * @param pinned the namespace the user named, or null to search
   * @param leaseName the Lease name the user named, or null for any with the operator's label
   */
  public OperatorSearch locate(String fooNamespace, String pinned, String leaseName) {
    if (pinned != null) {
      return pinned(pinned, leaseName == null ? OperatorDefaults.LEASE_NAME : leaseName);
    }
    List<FoundLease> leases = new ArrayList<>();
    List<String> readWithout = new ArrayList<>();
    List<Lookup.Forbidden<?>> refused = new ArrayList<>();
    if (read(
        "all namespaces",
        () -> Pages.all(o -> client.leases().inAnyNamespace().list(o), LABEL, null),
        leaseName,
        leases,
        readWithout,
        refused)) {
      return new OperatorSearch(
          true, Optional.empty(), leaseName, leases, readWithout, refused, Optional.empty());
    }
    List<String> tried = candidates(fooNamespace);
    for (String ns : tried) {
      read(
          "namespace " + ns,
          () -> Pages.all(o -> client.leases().inNamespace(ns).list(o), LABEL, null),
          leaseName,
          leases,
          readWithout,
          refused);
      if (!leases.isEmpty()) {
        break;
      }
    }
    Optional<OlmInstall> olm = Optional.empty();
    if (leases.isEmpty() && fooNamespace != null) {
      Lookup<Optional<OlmInstall>> csv = OlmInstall.in(client, fooNamespace);
      csv.refusal().ifPresent(refused::add);
      olm = csv.found().flatMap(o -> o);
      olm.map(OlmInstall::namespace)
          .filter(ns -> !tried.contains(ns))
          .ifPresent(
              ns ->
                  read(
                      "namespace " + ns,
                      () -> Pages.all(o -> client.leases().inNamespace(ns).list(o), LABEL, null),
                      leaseName,
                      leases,
                      readWithout,
                      refused));
    }
    return new OperatorSearch(true, Optional.empty(), leaseName, leases, readWithout, refused, olm);
  }

  /** Where installs put the operator, in the order they are looked at. */
  static List<String> candidates(String fooNamespace) {
    Set<String> namespaces = new LinkedHashSet<>();
    if (fooNamespace != null) {
      namespaces.add(fooNamespace);
    }
    namespaces.add(OperatorDefaults.NAMESPACE);
    namespaces.addAll(OperatorDefaults.OLM_NAMESPACES);
    return List.copyOf(namespaces);
  }

  private OperatorSearch pinned(String namespace, String name) {
    String scope = "namespace " + namespace;
    try {
      Optional<Lease> lease =
          Optional.ofNullable(client.leases().inNamespace(namespace).withName(name).get());
      return new OperatorSearch(
          true,
          Optional.of(namespace),
          name,
          lease.map(OperatorLocator::found).stream().toList(),
          lease.isPresent() ? List.of() : List.of(scope),
          List.of(),
          Optional.empty());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      return new OperatorSearch(
          true,
          Optional.of(namespace),
          name,
          List.of(),
          List.of(),
          List.of(new Lookup.Forbidden<Lease>("get", RESOURCE, scope)),
          Optional.empty());
    }
  }

  /** One list; false when it was refused. */
  private static boolean read(
      String scope,
      Supplier<List<Lease>> list,
      String leaseName,
      List<FoundLease> leases,
      List<String> readWithout,
      List<Lookup.Forbidden<?>> refused) {
    List<FoundLease> found;
    try {
      found =
          list.get().stream()
              .filter(l -> leaseName == null || leaseName.equals(l.getMetadata().getName()))
              .map(OperatorLocator::found)
              .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      refused.add(new Lookup.Forbidden<Lease>("list", RESOURCE, scope));
      return false;
    }
    if (found.isEmpty()) {
      readWithout.add(scope);
    }
    leases.addAll(found);
    return true;
  }

  private static FoundLease found(Lease lease) {
    return new FoundLease(
        lease.getMetadata().getNamespace(),
        lease.getMetadata().getName(),
        FactGatherer.leaseInfo(lease));
  }
}
