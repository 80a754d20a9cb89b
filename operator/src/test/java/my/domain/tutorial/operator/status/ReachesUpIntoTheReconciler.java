package my.domain.tutorial.operator.status;

import my.domain.tutorial.operator.reconciler.FooReconciler;

/**
 * A status class that depends on the reconciler above it, which depends on status: the cycle and
 * the upward dependency {@code ArchitectureTest} must reject. Test code only, so the rules' real
 * input (the main classes) never sees it.
 */
final class ReachesUpIntoTheReconciler {
  FooReconciler reconciler;
}
