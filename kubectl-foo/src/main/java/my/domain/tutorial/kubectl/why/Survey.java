package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.why.Facts.WorkloadCheck;

/**
 * What {@code why} without a name reads once for a whole namespace (or, with {@code -A}, the
 * cluster): the Foos, the Pods of each of their namespaces, the names of Pods elsewhere and of the
 * workloads, and the operator's Lease. {@link #facts()} cuts it into the {@link Facts} of each Foo,
 * so the rules stay those of a single {@code why NAME}. Pure.
 *
 * @param pods the Pods of each namespace that holds a Foo
 * @param podNamespaces for each Pod name, the namespaces with a Pod of that name (read only when
 *     some friend is missing; empty otherwise)
 * @param workloadNames for each namespace, the names of each workload kind there (read only where
 *     some friend is missing)
 */
public record Survey(
    List<Foo> foos,
    Map<String, Lookup<List<Pod>>> pods,
    Lookup<Map<String, Set<String>>> podNamespaces,
    Map<String, List<WorkloadNames>> workloadNames,
    OperatorSearch operator,
    Instant now) {

  /** The names of the workloads of one kind in a namespace. */
  public record WorkloadNames(String kind, Lookup<Set<String>> names) {}

  /** The Facts of each Foo, in the order of {@link #foos()}. */
  public List<Facts> facts() {
    List<Facts> all = new ArrayList<>();
    for (Foo foo : foos) {
      all.add(facts(foo));
    }
    return all;
  }

  private Facts facts(Foo foo) {
    String ns = foo.getMetadata().getNamespace();
    String name = foo.getMetadata().getName();
    String friend = foo.friendName();
    Lookup<Optional<Foo>> found = Lookup.found(Optional.of(foo));
    if (friend == null) {
      return new Facts(
          ns,
          name,
          found,
          true,
          Lookup.found(List.of()),
          Lookup.found(Optional.empty()),
          Lookup.found(List.of()),
          Lookup.found(List.of()),
          List.of(),
          operator,
          now);
    }
    Lookup<List<Pod>> here = pods.getOrDefault(ns, Lookup.found(List.of()));
    Lookup<Optional<FriendPod>> friendPod =
        map(
            here,
            list ->
                list.stream()
                    .filter(p -> friend.equals(p.getMetadata().getName()))
                    .findFirst()
                    .flatMap(FriendPod::of));
    Lookup<List<String>> elsewhere =
        map(
            podNamespaces,
            byName ->
                byName.getOrDefault(friend, Set.of()).stream()
                    .filter(n -> !n.equals(ns))
                    .sorted()
                    .toList());
    Lookup<List<Facts.PodSummary>> summaries =
        map(here, list -> list.stream().map(FactGatherer::summary).toList());
    List<WorkloadCheck> workloads =
        workloadNames.getOrDefault(ns, List.of()).stream()
            .map(w -> new WorkloadCheck(w.kind(), map(w.names(), names -> names.contains(friend))))
            .toList();
    return new Facts(
        ns,
        name,
        found,
        true,
        Lookup.found(List.of()),
        friendPod,
        elsewhere,
        summaries,
        workloads,
        operator,
        now);
  }

  private static <A, B> Lookup<B> map(Lookup<A> lookup, java.util.function.Function<A, B> f) {
    if (lookup instanceof Lookup.Forbidden<A> r) {
      return Lookup.forbidden(r.verb(), r.resource(), r.scope());
    }
    return Lookup.found(f.apply(((Lookup.Found<A>) lookup).value()));
  }
}
