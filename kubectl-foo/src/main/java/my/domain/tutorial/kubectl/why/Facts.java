package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;

/**
 * Everything {@code why} read from the cluster about one Foo, as plain data, so the rules ({@link
 * Diagnosis}) are a pure function of it. Read from a {@link ClusterView} in one place ({@link
 * #of(ClusterView, String, String)}, {@link #of(ClusterView, Foo)}); tests name the fields they set
 * with {@link #builder}.
 *
 * @param foo the Foo, or empty when there is none of that name
 * @param fooApiInstalled false when the API server does not serve foos.tutorial.my.domain
 * @param fooNames the names of the Foos in the namespace (for close names when the Foo is missing)
 * @param friend the Pod of the friend's name in the Foo's namespace
 * @param otherNamespaces namespaces other than the Foo's with a Pod of the friend's name
 * @param podsInNamespace every Pod in the Foo's namespace, trimmed to what the rules need
 * @param workloads for each workload kind checked, whether one of the friend's name exists
 * @param operator where the operator's leader Lease was looked for, and what was found
 */
public record Facts(
    String namespace,
    String name,
    Lookup<Optional<Foo>> foo,
    boolean fooApiInstalled,
    Lookup<List<String>> fooNames,
    Lookup<Optional<FriendPod>> friend,
    Lookup<List<String>> otherNamespaces,
    Lookup<List<PodSummary>> podsInNamespace,
    List<WorkloadCheck> workloads,
    OperatorSearch operator,
    Instant now) {

  // The kinds why reads, each named once.
  public static final Kind<Foo> FOO = new Kind<>("Foo", FooCrd.NAME, c -> c.resources(Foo.class));
  public static final Kind<Pod> POD =
      new Kind<>("Pod", "pods", KubernetesClient::pods, ListedPods::kept);

  /** The workloads that make Pods named after themselves plus a suffix, in the order reported. */
  public static final List<Kind<?>> WORKLOADS =
      List.of(
          new Kind<>("Deployment", "deployments.apps", c -> c.apps().deployments()),
          new Kind<>("ReplicaSet", "replicasets.apps", c -> c.apps().replicaSets()),
          new Kind<>("StatefulSet", "statefulsets.apps", c -> c.apps().statefulSets()),
          new Kind<>("DaemonSet", "daemonsets.apps", c -> c.apps().daemonSets()),
          new Kind<>("Job", "jobs.batch", c -> c.batch().v1().jobs()));

  /**
   * The facts of {@code why NAME}: the Foo; when there is none, the names of those there are; when
   * there is one, what {@link #of(ClusterView, Foo)} reads.
   */
  public static Facts of(ClusterView view, String namespace, String name) {
    Lookup<Optional<Foo>> foo = view.get(FOO, namespace, name);
    Optional<Foo> found = foo.found().flatMap(o -> o);
    if (found.isPresent()) {
      return of(view, found.get());
    }
    Builder facts = builder(namespace, name).foo(foo).now(view.now());
    if (foo instanceof Lookup.Found) {
      Lookup<List<Foo>> foos = view.list(FOO, namespace);
      facts
          .fooApiInstalled(!(foos instanceof Lookup.NotServed))
          .fooNames(foos.map(l -> l.stream().map(f -> f.getMetadata().getName()).toList()));
    }
    return facts.build();
  }

  /**
   * The facts of a Foo: its friend Pod and, only when that is not there, where the friend might be
   * instead (a Pod of its name elsewhere, the Pods of the namespace, workloads of its name); and
   * the operator's Lease.
   */
  public static Facts of(ClusterView view, Foo foo) {
    String namespace = foo.getMetadata().getNamespace();
    String friend = foo.friendName();
    Builder facts =
        builder(namespace, foo.getMetadata().getName())
            .foo(Lookup.found(Optional.of(foo)))
            .operator(view.operator())
            .now(view.now());
    // A Foo naming no friend has no Pod to look up (and fabric8 refuses a null name).
    if (friend == null) {
      return facts.build();
    }
    Lookup<Optional<FriendPod>> pod =
        view.get(POD, namespace, friend).map(p -> p.flatMap(FriendPod::of));
    facts.friend(pod);
    if (pod.found().flatMap(p -> p).isPresent()) {
      return facts.build();
    }
    return facts
        .otherNamespaces(
            view.named(POD, friend)
                .map(
                    pods ->
                        pods.stream()
                            .map(p -> p.getMetadata().getNamespace())
                            .filter(ns -> !ns.equals(namespace))
                            .distinct()
                            .sorted()
                            .toList()))
        .podsInNamespace(
            view.list(POD, namespace).map(l -> l.stream().map(PodSummary::of).toList()))
        .workloads(
            WORKLOADS.stream()
                .map(
                    k ->
                        new WorkloadCheck(
                            k.name(), view.get(k, namespace, friend).map(Optional::isPresent)))
                .toList())
        .build();
  }

  /**
   * Facts of Foo {@code name} in {@code namespace} with nothing found: no Foo, no Pods, no
   * workloads, the operator not searched; set what applies by name.
   */
  public static Builder builder(String namespace, String name) {
    return new Builder(namespace, name);
  }

  /** A Pod's name and the kind and name of its controller, if it has one. */
  public record PodSummary(String name, Optional<String> ownerKind, Optional<String> ownerName) {
    public static PodSummary of(Pod pod) {
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
  }

  /** Whether a workload of {@code kind} named like the friend exists. */
  public record WorkloadCheck(String kind, Lookup<Boolean> exists) {}

  /** What matters of a Lease: when it was last renewed, for how long that holds, and by whom. */
  public record LeaseInfo(
      Optional<Instant> renewTime, Optional<Integer> durationSeconds, Optional<String> holder) {
    public static LeaseInfo of(Lease lease) {
      LeaseSpec spec = lease.getSpec();
      if (spec == null) {
        return new LeaseInfo(Optional.empty(), Optional.empty(), Optional.empty());
      }
      return new LeaseInfo(
          Optional.ofNullable(spec.getRenewTime()).map(ZonedDateTime::toInstant),
          Optional.ofNullable(spec.getLeaseDurationSeconds()),
          Optional.ofNullable(spec.getHolderIdentity()));
    }
  }

  /** Builds {@link Facts} by field name; what is not set was not found. */
  public static final class Builder {
    private final String namespace;
    private final String name;
    private Lookup<Optional<Foo>> foo = Lookup.found(Optional.empty());
    private boolean fooApiInstalled = true;
    private Lookup<List<String>> fooNames = Lookup.found(List.of());
    private Lookup<Optional<FriendPod>> friend = Lookup.found(Optional.empty());
    private Lookup<List<String>> otherNamespaces = Lookup.found(List.of());
    private Lookup<List<PodSummary>> podsInNamespace = Lookup.found(List.of());
    private List<WorkloadCheck> workloads = List.of();
    private OperatorSearch operator = OperatorSearch.notSearched();
    private Instant now;

    private Builder(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    public Builder foo(Lookup<Optional<Foo>> v) {
      foo = v;
      return this;
    }

    public Builder fooApiInstalled(boolean v) {
      fooApiInstalled = v;
      return this;
    }

    public Builder fooNames(Lookup<List<String>> v) {
      fooNames = v;
      return this;
    }

    public Builder friend(Lookup<Optional<FriendPod>> v) {
      friend = v;
      return this;
    }

    public Builder otherNamespaces(Lookup<List<String>> v) {
      otherNamespaces = v;
      return this;
    }

    public Builder podsInNamespace(Lookup<List<PodSummary>> v) {
      podsInNamespace = v;
      return this;
    }

    public Builder workloads(List<WorkloadCheck> v) {
      workloads = List.copyOf(v);
      return this;
    }

    public Builder operator(OperatorSearch v) {
      operator = v;
      return this;
    }

    public Builder now(Instant v) {
      now = v;
      return this;
    }

    public Facts build() {
      return new Facts(
          namespace,
          name,
          foo,
          fooApiInstalled,
          fooNames,
          friend,
          otherNamespaces,
          podsInNamespace,
          workloads,
          operator,
          Objects.requireNonNull(now, "now"));
    }
  }
}
