package my.domain.tutorial.kubectl.why;

import my.domain.tutorial.kubectl.commands.CrdCommand;

/**
 * The diagnosis depending on the command layer above it, which depends on the diagnosis: the cycle
 * and the upward dependency {@code ArchitectureTest} must reject (the one this package once had).
 * Test code only, so the rules' real input (the main classes) never sees it.
 */
final class ReachesUpIntoTheCommands {
  CrdCommand command;
}
