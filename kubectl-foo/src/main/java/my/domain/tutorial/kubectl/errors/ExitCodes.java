package my.domain.tutorial.kubectl.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the plugin: part of its contract, so scripts can rely on them. This class is
 * their one source: the help texts below are built from it, and the README's exit-code table is
 * checked against {@link #MEANINGS} by a test.
 */
public final class ExitCodes {
  /** Success; for {@code why}: the Foo is happy. */
  public static final int OK = 0;

  /**
   * {@code why}: the Foo is unhappy. Also: the cluster refused a change (the Foo already exists).
   */
  public static final int UNHAPPY_OR_REFUSED = 1;

  /** Usage error: an unknown flag, a missing argument, an invalid name. Nothing was sent. */
  public static final int USAGE = 2;

  /** The named Foo does not exist. */
  public static final int FOO_NOT_FOUND = 3;

  /**
   * The cluster or the Foo API cannot be used: no kubeconfig, unreachable, unauthorized, forbidden,
   * not installed.
   */
  public static final int CLUSTER_UNUSABLE = 4;

  /** Anything else: a bug, or a failure nobody planned for. */
  public static final int UNEXPECTED = 5;

  /** The footer of {@code kubectl foo --help}. */
  public static final String SUMMARY =
      "Exit codes: "
          + OK
          + " ok (why: happy), "
          + UNHAPPY_OR_REFUSED
          + " why: not happy / change refused, "
          + USAGE
          + " usage error, "
          + FOO_NOT_FOUND
          + " Foo not found, "
          + CLUSTER_UNUSABLE
          + " cluster or Foo API unusable, "
          + UNEXPECTED
          + " unexpected error.";

  /** The exit codes {@code why} can end with, for its help. */
  public static final String WHY_SUMMARY =
      "Exit code: "
          + OK
          + " happy (without NAME: all are), "
          + UNHAPPY_OR_REFUSED
          + " not happy (without NAME: any is not), "
          + FOO_NOT_FOUND
          + " no such Foo, "
          + CLUSTER_UNUSABLE
          + " the cluster could not answer.";

  /** Each code and what it means to a user, in the words of the README's table. */
  public static final Map<Integer, String> MEANINGS = meanings();

  private ExitCodes() {}

  private static Map<Integer, String> meanings() {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(OK, "success; for `why`: the Foo is happy");
    m.put(
        UNHAPPY_OR_REFUSED,
        "`why NAME`: the Foo is not happy; `why` without NAME: a Foo is not happy; `create`: the Foo"
            + " already exists (the cluster refused the change)");
    m.put(
        USAGE,
        "usage error: unknown flag, missing argument, invalid name, namespace or `-o` template (nothing"
            + " was sent), the namespace does not exist, or the `-o` template does not fit the Foos");
    m.put(FOO_NOT_FOUND, "the named Foo does not exist (`get NAME`, `delete NAME`, `why NAME`)");
    m.put(
        CLUSTER_UNUSABLE,
        "the cluster or the Foo API cannot be used: no kubeconfig or no such context, unreachable,"
            + " credentials rejected (401) or not obtained (a credential plugin missing or failing),"
            + " forbidden (403), too busy (429 after client-go's retries), the CRD not installed");
    m.put(UNEXPECTED, "unexpected error (rerun with `-v` and report it)");
    return Collections.unmodifiableMap(m);
  }
}
