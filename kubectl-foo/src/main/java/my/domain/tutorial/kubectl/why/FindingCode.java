package my.domain.tutorial.kubectl.why;

/**
 * The stable codes of {@code why} findings: part of the plugin's contract, listed in
 * docs/plugin.md's table of finding codes ({@code FindingCodesDocTest} keeps the two the same).
 */
public enum FindingCode {
  /** The friend Pod exists in the Foo's namespace and is not being deleted: the Foo is happy. */
  FriendFound,
  /** No Pod of the friend's name in the Foo's namespace. */
  FriendNotFound,
  /**
   * The friend Pod is being deleted (it has a deletion timestamp, for example held by a finalizer).
   */
  FriendTerminating,
  /** A Pod of the friend's name exists, but in another namespace, where it never counts. */
  FriendInOtherNamespace,
  /** A Pod with a name close to the friend's exists in the Foo's namespace: a typo? */
  SimilarPodName,
  /**
   * A workload of the friend's name (Deployment, ReplicaSet, ...) makes Pods named {@code
   * friend-...}, never {@code friend}.
   */
  PodsOfWorkload,
  /**
   * The Foo has no status yet, or its status describes an older generation or no longer matches the
   * cluster.
   */
  StatusNotReconciled,
  /** The operator's leader Lease is missing or expired. */
  OperatorNotRunning,
  /** The named Foo does not exist (close names are suggested). */
  FooNotFound,
  /** The Foo API (the CRD) is not installed on the cluster. */
  FooApiNotInstalled,
  /** A check could not be made: the user lacks the permission. */
  Forbidden,
  /** The Foo names no friend: it has no spec.name (stored before the CRD required spec). */
  NoFriendNamed
}
