package my.domain.tutorial.kubectl.why;

/** The commands {@code why}'s fixes suggest, written once for every rule that suggests them. */
final class Fixes {
  private Fixes() {}

  /** Points Foo {@code name} at Pod {@code pod}. */
  static String patchFriend(String name, String namespace, String pod) {
    return "kubectl patch foo "
        + name
        + " -n "
        + namespace
        + " --type merge -p '{\"spec\":{\"name\":\""
        + pod
        + "\"}}'";
  }

  /** Shows the operator's Deployment in {@code namespace}, and its logs. */
  static String deploymentAndLogs(String namespace, String deployment) {
    return "kubectl -n "
        + namespace
        + " get deploy "
        + deployment
        + ", and its logs: kubectl -n "
        + namespace
        + " logs deploy/"
        + deployment;
  }

  /** Finds the operator's Deployment in whatever namespace it was installed. */
  static String findDeployment(String deployment) {
    return "kubectl get deploy -A --field-selector metadata.name=" + deployment;
  }

  /** What could not be checked because {@code r} was refused, and who can change that. */
  static Finding forbidden(Lookup.Forbidden<?> r, String consequence) {
    return new Finding(
        FindingCode.Forbidden,
        "Not allowed to " + r.describe() + ": could not " + consequence + ".",
        "ask a cluster admin for "
            + r.verb()
            + " on "
            + r.resource()
            + " in "
            + r.scope()
            + ", or ask someone who has it to run this");
  }
}
