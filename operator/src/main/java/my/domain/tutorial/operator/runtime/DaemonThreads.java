package my.domain.tutorial.operator.runtime;

import java.util.concurrent.ThreadFactory;

/**
 * The operator's background threads: named, so a thread dump says what each is for, and daemons.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Makes daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
