package my.domain.tutorial.controlplane;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one wait loop outside tests (the control plane, the benchmark): checks a condition every
 * {@code interval} until it holds or time runs out. Tests wait with Awaitility instead.
 */
public final class Poll {
  private Poll() {}

  /** True as soon as {@code condition} holds; false once {@code timeout} passed without it. */
  public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
