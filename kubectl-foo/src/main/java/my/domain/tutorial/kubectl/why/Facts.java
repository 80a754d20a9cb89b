package my.domain.tutorial.kubectl.why;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.api.v1.Foo;

/**
 * Everything {@code why} read from the cluster, as plain data, so the rules ({@link Diagnosis}) are
 * a pure function of it.
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

  /** A Pod's name and the kind and name of its controller, if it has one. */
  public record PodSummary(String name, Optional<String> ownerKind, Optional<String> ownerName) {}

  /** Whether a workload of {@code kind} named like the friend exists. */
  public record WorkloadCheck(String kind, Lookup<Boolean> exists) {}

  /** What matters of a Lease: when it was last renewed, for how long that holds, and by whom. */
  public record LeaseInfo(
      Optional<Instant> renewTime, Optional<Integer> durationSeconds, Optional<String> holder) {}
}
