package my.domain.tutorial.kubectl.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command (a picocli mixin). */
public class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;
}
