package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.paging.Pages;
import my.domain.tutorial.kubectl.why.Facts.LeaseInfo;
import my.domain.tutorial.kubectl.why.Facts.PodSummary;
import my.domain.tutorial.kubectl.why.Facts.WorkloadCheck;

/**
 * The I/O half of {@code why}: reads what the rules need, each read on its own so that a refused
 * one (403) becomes a {@link Lookup.Forbidden} and the others still count. Reads only; changes
 * nothing.
 */
public final class FactGatherer {
  private final KubernetesClient client;
  private final Clock clock;

  public FactGatherer(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public Facts gather(String namespace, String name, OperatorLocator.Hint hint) {
    String inNs = "namespace " + namespace;
    Lookup<Optional<Foo>> foo =
        read(
            "get",
            "foos.tutorial.my.domain",
            inNs,
            () ->
                Optional.ofNullable(
                    client.resources(Foo.class).inNamespace(namespace).withName(name).get()));
    boolean installed = true;
    Lookup<List<String>> fooNames = Lookup.found(List.of());
    if (foo.found().map(Optional::isEmpty).orElse(false)) {
      try {
        fooNames =
            read(
                "list",
                "foos.tutorial.my.domain",
                inNs,
                () ->
                    Pages.all(o -> client.resources(Foo.class).inNamespace(namespace).list(o))
                        .stream()
                        .map(f -> f.getMetadata().getName())
                        .toList());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
        installed = false;
      }
    }
    Optional<Foo> found = foo.found().flatMap(o -> o);
    // A Foo naming no friend has no Pod to look up (and fabric8 refuses a null name); the lease
    // still counts.
    if (found.isPresent() && found.get().friendName() == null) {
      return new Facts(
          namespace,
          name,
          foo,
          true,
          fooNames,
          Lookup.found(Optional.empty()),
          Lookup.found(List.of()),
          Lookup.found(List.of()),
          List.of(),
          operator(namespace, hint),
          clock.instant());
    }
    if (found.isEmpty()) {
      Lookup<Optional<FriendPod>> none = Lookup.found(Optional.empty());
      return new Facts(
          namespace,
          name,
          foo,
          installed,
          fooNames,
          none,
          Lookup.found(List.of()),
          Lookup.found(List.of()),
          List.of(),
          OperatorSearch.notSearched(),
          clock.instant());
    }

    String friend = found.get().friendName();
    Lookup<Optional<FriendPod>> pod =
        read(
            "get",
            "pods",
            inNs,
            () ->
                Optional.ofNullable(client.pods().inNamespace(namespace).withName(friend).get())
                    .flatMap(FriendPod::of));
    Lookup<List<String>> elsewhere =
        read(
            "list",
            "pods",
            "all namespaces",
            () ->
                Pages.all(
                        o -> client.pods().inAnyNamespace().list(o),
                        null,
                        "metadata.name=" + friend)
                    .stream()
                    .filter(p -> friend.equals(p.getMetadata().getName()))
                    .map(p -> p.getMetadata().getNamespace())
                    .filter(ns -> !ns.equals(namespace))
                    .distinct()
                    .sorted()
                    .toList());
    Lookup<List<PodSummary>> pods =
        read(
            "list",
            "pods",
            inNs,
            () ->
                Pages.all(o -> client.pods().inNamespace(namespace).list(o)).stream()
                    .map(FactGatherer::summary)
                    .toList());
    List<WorkloadCheck> workloads =
        List.of(
            workload(
                "Deployment", "deployments.apps", client.apps().deployments(), namespace, friend),
            workload(
                "ReplicaSet", "replicasets.apps", client.apps().replicaSets(), namespace, friend),
            workload(
                "StatefulSet",
                "statefulsets.apps",
                client.apps().statefulSets(),
                namespace,
                friend),
            workload("DaemonSet", "daemonsets.apps", client.apps().daemonSets(), namespace, friend),
            workload("Job", "jobs.batch", client.batch().v1().jobs(), namespace, friend));
    return new Facts(
        namespace,
        name,
        foo,
        true,
        fooNames,
        pod,
        elsewhere,
        pods,
        workloads,
        operator(namespace, hint),
        clock.instant());
  }

  /**
   * The reads of {@code why} without a name: the Foos of {@code namespace} (every namespace when
   * null), one list of Pods per namespace holding a Foo (one list for the cluster with {@code -A}),
   * and, only where some friend is missing, the Pods of the cluster and the workloads of that
   * namespace. Never a request per Foo.
   */
  public Survey survey(String namespace, OperatorLocator.Hint hint) {
    boolean cluster = namespace == null;
    List<Foo> foos =
        Pages.all(
            o ->
                cluster
                    ? client.resources(Foo.class).inAnyNamespace().list(o)
                    : client.resources(Foo.class).inNamespace(namespace).list(o));
    java.util.Set<String> namespaces = new java.util.TreeSet<>();
    foos.forEach(f -> namespaces.add(f.getMetadata().getNamespace()));
    java.util.Map<String, Lookup<List<Pod>>> pods = new java.util.HashMap<>();
    Lookup<List<Pod>> everyPod = null;
    if (cluster && !foos.isEmpty()) {
      everyPod =
          read(
              "list",
              "pods",
              "all namespaces",
              () -> Pages.all(o -> client.pods().inAnyNamespace().list(o)));
      for (String ns : namespaces) {
        pods.put(
            ns,
            everyPod instanceof Lookup.Found<List<Pod>> all
                ? Lookup.found(
                    all.value().stream()
                        .filter(p -> ns.equals(p.getMetadata().getNamespace()))
                        .toList())
                : Lookup.forbidden("list", "pods", "all namespaces"));
      }
    } else {
      for (String ns : namespaces) {
        pods.put(
            ns,
            read(
                "list",
                "pods",
                "namespace " + ns,
                () -> Pages.all(o -> client.pods().inNamespace(ns).list(o))));
      }
    }
    java.util.Set<String> missingIn = new java.util.TreeSet<>();
    for (Foo foo : foos) {
      String friend = foo.friendName();
      String ns = foo.getMetadata().getNamespace();
      if (friend != null
          && pods.get(ns)
              .found()
              .map(l -> l.stream().noneMatch(p -> friend.equals(p.getMetadata().getName())))
              .orElse(true)) {
        missingIn.add(ns);
      }
    }
    Lookup<java.util.Map<String, java.util.Set<String>>> podNamespaces =
        Lookup.found(java.util.Map.of());
    if (!missingIn.isEmpty()) {
      Lookup<List<Pod>> all =
          everyPod != null
              ? everyPod
              : read(
                  "list",
                  "pods",
                  "all namespaces",
                  () -> Pages.all(o -> client.pods().inAnyNamespace().list(o)));
      podNamespaces =
          all instanceof Lookup.Found<List<Pod>> f
              ? Lookup.found(
                  f.value().stream()
                      .collect(
                          java.util.stream.Collectors.groupingBy(
                              p -> p.getMetadata().getName(),
                              java.util.stream.Collectors.mapping(
                                  p -> p.getMetadata().getNamespace(),
                                  java.util.stream.Collectors.toSet()))))
              : Lookup.forbidden("list", "pods", "all namespaces");
    }
    java.util.Map<String, List<Survey.WorkloadNames>> workloads = new java.util.HashMap<>();
    for (String ns : missingIn) {
      workloads.put(
          ns,
          List.of(
              names("Deployment", "deployments.apps", client.apps().deployments(), ns),
              names("ReplicaSet", "replicasets.apps", client.apps().replicaSets(), ns),
              names("StatefulSet", "statefulsets.apps", client.apps().statefulSets(), ns),
              names("DaemonSet", "daemonsets.apps", client.apps().daemonSets(), ns),
              names("Job", "jobs.batch", client.batch().v1().jobs(), ns)));
    }
    return new Survey(
        foos,
        pods,
        podNamespaces,
        workloads,
        foos.isEmpty() ? OperatorSearch.notSearched() : operator(namespace, hint),
        clock.instant());
  }

  private static <
          T extends HasMetadata,
          L extends io.fabric8.kubernetes.api.model.KubernetesResourceList<T>>
      Survey.WorkloadNames names(
          String kind, String resource, MixedOperation<T, L, ? extends Resource<T>> op, String ns) {
    return new Survey.WorkloadNames(
        kind,
        read(
            "list",
            resource,
            "namespace " + ns,
            () ->
                Pages.all(o -> op.inNamespace(ns).list(o)).stream()
                    .map(w -> w.getMetadata().getName())
                    .collect(java.util.stream.Collectors.toSet())));
  }

  private OperatorSearch operator(String fooNamespace, OperatorLocator.Hint hint) {
    return new OperatorLocator(client).locate(fooNamespace, hint.namespace(), hint.leaseName());
  }

  private static <T extends HasMetadata, L> WorkloadCheck workload(
      String kind,
      String resource,
      MixedOperation<T, L, ? extends Resource<T>> op,
      String namespace,
      String name) {
    return new WorkloadCheck(
        kind,
        read(
            "get",
            resource,
            "namespace " + namespace,
            () -> op.inNamespace(namespace).withName(name).get() != null));
  }

  static PodSummary summary(Pod pod) {
    Optional<OwnerReference> owner =
        Optional.ofNullable(pod.getMetadata().getOwnerReferences())
            .flatMap(
                refs ->
                    refs.stream()
                        .filter(r -> Boolean.TRUE.equals(r.getController()))
                        .findFirst()
                        .or(() -> refs.stream().findFirst()));
    return new PodSummary(
        pod.getMetadata().getName(),
        owner.map(OwnerReference::getKind),
        owner.map(OwnerReference::getName));
  }

  static LeaseInfo leaseInfo(Lease lease) {
    LeaseSpec spec = lease.getSpec();
    if (spec == null) {
      return new LeaseInfo(Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new LeaseInfo(
        Optional.ofNullable(spec.getRenewTime()).map(ZonedDateTime::toInstant),
        Optional.ofNullable(spec.getLeaseDurationSeconds()),
        Optional.ofNullable(spec.getHolderIdentity()));
  }

  private static <T> Lookup<T> read(String verb, String resource, String scope, Supplier<T> call) {
    try {
      return Lookup.found(call.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Lookup.forbidden(verb, resource, scope);
      }
      throw e;
    }
  }
}
