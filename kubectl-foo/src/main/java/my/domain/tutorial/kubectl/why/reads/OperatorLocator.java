package my.domain.tutorial.kubectl.why.reads;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.kubectl.paging.Pages;
import my.domain.tutorial.kubectl.why.Facts.LeaseInfo;
import my.domain.tutorial.kubectl.why.Lookup;
import my.domain.tutorial.kubectl.why.OlmInstall;
import my.domain.tutorial.kubectl.why.OperatorSearch;
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
  private static final String RESOURCE = OperatorSearch.LEASES;
  private static final String LABEL = OperatorSearch.LABEL;
  private static final String CSVS = "clusterserviceversions.operators.coreos.com";
  private static final ResourceDefinitionContext CSV =
      new ResourceDefinitionContext.Builder()
          .withGroup("operators.coreos.com")
          .withVersion("v1alpha1")
          .withKind("ClusterServiceVersion")
          .withPlural("clusterserviceversions")
          .withNamespaced(true)
          .build();

  /**
   * What the user said about the operator: its namespace ({@code --operator-namespace}) and its
   * Lease's name ({@code --lease-name}); either may be null.
   */
  public record Hint(String namespace, String leaseName) {}

  private final KubernetesClient client;

  public OperatorLocator(KubernetesClient client) {
    this.client = client;
  }

  /** As {@link #locate(String, String, String)} with what the user said. */
  public OperatorSearch locate(String fooNamespace, Hint hint) {
    return locate(fooNamespace, hint.namespace(), hint.leaseName());
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
      Lookup<Optional<OlmInstall>> csv = olm(fooNamespace);
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
        lease.getMetadata().getNamespace(), lease.getMetadata().getName(), LeaseInfo.of(lease));
  }

  /**
   * The CSV in {@code namespace} that owns the Foo CRD, if any; empty also when the cluster has no
   * OLM (the CSV API is not served); refused on a 403 where the API is served.
   */
  private Lookup<Optional<OlmInstall>> olm(String namespace) {
    try {
      return Lookup.found(
          Pages.all(o -> client.genericKubernetesResources(CSV).inNamespace(namespace).list(o))
              .stream()
              .map(OlmInstall::of)
              .flatMap(Optional::stream)
              .findFirst());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Lookup.found(Optional.empty());
      }
      // The API server checks RBAC before it looks for the resource: without OLM, a user who may
      // not list CSVs gets a 403 too. Discovery, open to every user, tells the two apart.
      if (e.getCode() == 403 && served()) {
        return Lookup.forbidden("list", CSVS, "namespace " + namespace);
      }
      if (e.getCode() == 403) {
        return Lookup.found(Optional.empty());
      }
      throw e;
    }
  }

  private boolean served() {
    return client.getApiResources(CSV.getGroup() + "/" + CSV.getVersion()) != null;
  }
}
