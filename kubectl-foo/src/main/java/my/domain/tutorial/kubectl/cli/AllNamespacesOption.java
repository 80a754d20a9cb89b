package my.domain.tutorial.kubectl.cli;

import picocli.CommandLine.Option;

/** {@code -A/--all-namespaces} for the commands that list (a picocli mixin). */
public class AllNamespacesOption {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List across all namespaces.")
  boolean allNamespaces;

  public boolean allNamespaces() {
    return allNamespaces;
  }
}
