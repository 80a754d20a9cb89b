package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import my.domain.tutorial.kubectl.errors.CrdInstall;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * Turns a failed API call into the one line the user sees and the contract's exit code. Pure: the
 * caller says what it was doing ({@code action}, e.g. "list foos in namespace team-a") and where.
 */
public final class ApiErrors {
  public static final String INSTALL_CRD = "install the CRD first: " + CrdInstall.COMMAND;

  private ApiErrors() {}

  public static PluginException translate(Throwable failure, String action, String server) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // A credential step that failed inside a request (an exec plugin run again, a tokenFile).
      if (t instanceof PluginException p) {
        return p;
      }
    }
    if (failure instanceof KubernetesClientException k) {
      int code = k.getCode();
      String reason =
          k.getStatus() != null && k.getStatus().getMessage() != null
              ? oneLine(k.getStatus().getMessage())
              : oneLine(k);
      switch (code) {
        case 401:
          return new PluginException(
              ExitCodes.CLUSTER_UNUSABLE,
              "cannot "
                  + action
                  + ": the cluster at "
                  + server
                  + " rejected the credentials (401 Unauthorized); log in again or refresh the credentials in your"
                  + " kubeconfig",
              k);
        case 403:
          return new PluginException(
              ExitCodes.CLUSTER_UNUSABLE,
              "cannot "
                  + action
                  + ": forbidden ("
                  + reason
                  + "); ask a cluster admin for that permission, or use a context that has it",
              k);
        case 404:
          if (k.getStatus() != null
              && k.getStatus().getDetails() != null
              && "namespaces".equals(k.getStatus().getDetails().getKind())) {
            String ns = k.getStatus().getDetails().getName();
            return new PluginException(
                ExitCodes.USAGE,
                "cannot "
                    + action
                    + ": namespace "
                    + ns
                    + " does not exist;"
                    + " create it (kubectl create namespace "
                    + ns
                    + ") or pick another with -n",
                k);
          }
          return apiNotInstalled(action, server, k);
        case 429:
          return new PluginException(
              ExitCodes.CLUSTER_UNUSABLE,
              "cannot "
                  + action
                  + ": the API server at "
                  + server
                  + " is too busy (429 Too Many Requests: "
                  + reason
                  + ") and still was after "
                  + RetryAfter.MAX_RETRIES
                  + " retries as long as it asked; try again later, or ask the cluster admin about"
                  + " its API Priority and Fairness limits",
              k);
        case 409:
          return new PluginException(
              ExitCodes.UNHAPPY_OR_REFUSED,
              "cannot "
                  + action
                  + ": conflict ("
                  + reason
                  + "); look at the current object and try again",
              k);
        case 422:
          return new PluginException(
              ExitCodes.USAGE,
              "cannot "
                  + action
                  + ": the API server rejected it as invalid ("
                  + reason
                  + "); fix the value it names",
              k);
        default:
          if (code >= 500) {
            return new PluginException(
                ExitCodes.CLUSTER_UNUSABLE,
                "cannot "
                    + action
                    + ": the API server at "
                    + server
                    + " failed ("
                    + code
                    + ": "
                    + reason
                    + "); try again, or ask the cluster admin",
                k);
          }
      }
      if (unreachable(k)) {
        return unreachable(action, server, k);
      }
    }
    if (unreachable(failure)) {
      return unreachable(action, server, failure);
    }
    return new PluginException(
        ExitCodes.UNEXPECTED,
        "cannot "
            + action
            + ": unexpected "
            + failure.getClass().getSimpleName()
            + ": "
            + oneLine(failure)
            + "; rerun with -v for the stack trace and report it",
        failure);
  }

  public static PluginException apiNotInstalled(String action, String server, Throwable cause) {
    return new PluginException(
        ExitCodes.CLUSTER_UNUSABLE,
        "cannot "
            + action
            + ": the Foo API"
            + " (foos.tutorial.my.domain/v1) is not installed on "
            + server
            + "; "
            + INSTALL_CRD,
        cause);
  }

  private static PluginException unreachable(String action, String server, Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what =
        timedOut(failure)
            ? " did not answer in time (request timed out); check that it is running and"
                + " reachable, or allow it longer with --request-timeout"
            : " is unreachable ("
                + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + oneLine(root))
                + "); check that it is running and that your kubeconfig or --context points at it";
    return new PluginException(
        ExitCodes.CLUSTER_UNUSABLE,
        "cannot " + action + ": the cluster at " + server + what,
        failure);
  }

  /**
   * The JDK client ends a request that outlived its timeout by closing the connection itself, and
   * which of the two failures reaches the caller is a race: the timeout, or the read that the close
   * broke ("connection closed locally"). The plugin closes a connection only to cancel a request,
   * so both mean the same thing to the user.
   */
  static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpTimeoutException
          || t instanceof TimeoutException
          || (t instanceof IOException && "connection closed locally".equals(t.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException
          || t instanceof HttpTimeoutException
          || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  public static String oneLine(Throwable e) {
    return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  public static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
