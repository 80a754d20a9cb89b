package my.domain.tutorial.kubectl.errors;

/**
 * How to install the Foo API without a source tree: what {@code kubectl foo crd}'s help and every
 * message about a missing CRD tell the user to run. Here, below the commands, cluster access and
 * {@code why}, so each of them can say it without depending on the others.
 */
public final class CrdInstall {
  public static final String COMMAND = "kubectl foo crd | kubectl apply -f -";

  private CrdInstall() {}
}
