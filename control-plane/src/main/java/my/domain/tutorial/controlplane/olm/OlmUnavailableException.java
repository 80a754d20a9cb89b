package my.domain.tutorial.controlplane.olm;

/**
 * OLM's and opm's sources cannot be had on this machine ({@code hack/olm} exited 3): the OLM tier
 * is skipped here, never passed. Anything else that goes wrong while provisioning is a plain
 * failure, not this.
 */
public class OlmUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public OlmUnavailableException(String reason) {
    super(reason);
  }
}
