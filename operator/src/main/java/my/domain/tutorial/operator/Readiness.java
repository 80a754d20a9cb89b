package my.domain.tutorial.operator;

import java.util.List;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;

/**
 * What {@code /readyz} answers: a pure function of the operator's state, read at the moment of the
 * probe.
 *
 * @param closing the operator is stopping
 * @param leaderElection leader election is on (a standby is then ready)
 * @param leaseName the Lease a standby waits for
 * @param reconciling a reconciling term runs and this replica may write
 * @param startFailure why the last attempt to start reconciling failed, while none runs
 * @param started the SDK reports the running term started
 * @param informerProblems each informer that is not running, not synced or not watching
 */
record Readiness(
    boolean closing,
    boolean leaderElection,
    String leaseName,
    boolean reconciling,
    Optional<String> startFailure,
    boolean started,
    List<String> informerProblems) {

  Reply reply() {
    if (closing) {
      return Reply.text(503, "shutting down\n");
    }
    if (!reconciling && startFailure.isPresent()) {
      return Reply.text(
          503, "not ready: could not start reconciling: " + startFailure.get() + "\n");
    }
    if (!reconciling) {
      return leaderElection
          ? Reply.text(200, "ok: standby, waiting for Lease " + leaseName + "\n")
          : Reply.text(503, "starting\n");
    }
    if (!started) {
      return Reply.text(503, "starting\n");
    }
    if (!informerProblems.isEmpty()) {
      return Reply.text(503, "informers unhealthy: " + String.join("; ", informerProblems) + "\n");
    }
    return Reply.text(200, "ok\n");
  }
}
