package my.domain.tutorial.kubectl.cli;

/** The exit codes of the plugin: part of its contract (DESIGN.md, README). */
public final class ExitCodes {
  /** Success; for {@code why}: the Foo is happy. */
  public static final int OK = 0;
  /** {@code why}: the Foo is unhappy. Also: the cluster refused a change (the Foo already exists). */
  public static final int UNHAPPY_OR_REFUSED = 1;
  /** Usage error: an unknown flag, a missing argument, an invalid name. Nothing was sent. */
  public static final int USAGE = 2;
  /** The named Foo does not exist. */
  public static final int FOO_NOT_FOUND = 3;
  /** The cluster or the Foo API cannot be used: no kubeconfig, unreachable, unauthorized, forbidden, not installed. */
  public static final int CLUSTER_UNUSABLE = 4;
  /** Anything else: a bug, or a failure nobody planned for. */
  public static final int UNEXPECTED = 5;

  private ExitCodes() {
  }
}
