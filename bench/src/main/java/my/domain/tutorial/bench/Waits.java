package my.domain.tutorial.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Blocking steps the scenarios share; a watch event that never comes fails the run, not a figure.
 */
final class Waits {
  private Waits() {}

  static long join(CompletableFuture<Long> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("no matching watch event within 60s", e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static double millisSince(long t0, long t1) {
    return (t1 - t0) / 1e6;
  }
}
