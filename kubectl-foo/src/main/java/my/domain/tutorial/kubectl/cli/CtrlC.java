package my.domain.tutorial.kubectl.cli;

import my.domain.tutorial.kubectl.errors.ExitCodes;

/**
 * Ctrl-C for the commands that run until stopped ({@code get -w}): the process ends cleanly, exit
 * 0, after a last step (flushing the output), with no stack trace. The handler is installed even
 * when the process started with SIGINT ignored (as a shell's background jobs are).
 */
public final class CtrlC {
  private CtrlC() {}

  public static void endCleanly(Runnable last) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("INT"),
          signal -> {
            last.run();
            System.exit(ExitCodes.OK);
          });
    } catch (IllegalArgumentException | UnsupportedOperationException noSigint) {
      // A platform without SIGINT: the JVM's own handling stays.
    }
  }
}
