package my.domain.tutorial.operator;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import my.domain.tutorial.operator.election.LeaderElection;
import my.domain.tutorial.operator.election.LeaseFence;

/**
 * The current term, if any, started and stopped as leadership comes and goes, and why the last
 * attempt to start one failed, until one starts.
 */
final class LeadershipTerms implements LeaderElection.Listener {
  private final Supplier<ReconcilingTerm> starter;
  private final LeaseFence fence;
  private final Runnable onStepDown;
  private final AtomicReference<ReconcilingTerm> current = new AtomicReference<>();
  private volatile String startFailure;

  LeadershipTerms(Supplier<ReconcilingTerm> starter, LeaseFence fence, Runnable onStepDown) {
    this.starter = starter;
    this.fence = fence;
    this.onStepDown = onStepDown;
  }

  @Override
  public synchronized void startLeading() {
    if (current.get() == null) {
      try {
        current.set(starter.get());
        startFailure = null;
      } catch (RuntimeException e) {
        startFailure = StartFailure.describe(e);
        throw e;
      }
    }
  }

  Optional<String> startFailure() {
    return Optional.ofNullable(startFailure);
  }

  @Override
  public synchronized void stopLeading() {
    ReconcilingTerm term = current.getAndSet(null);
    if (term != null) {
      term.stop();
      onStepDown.run();
    }
  }

  Optional<ReconcilingTerm> current() {
    return Optional.ofNullable(current.get());
  }

  boolean mayWrite() {
    return fence.isOpen();
  }
}
