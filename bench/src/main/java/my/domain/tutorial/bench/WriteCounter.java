package my.domain.tutorial.bench;

/**
 * Status writes and Events the operator reports against the verdict changes and happiness flips the
 * watching client saw, from the moment it was made: each write must stand for a change.
 */
final class WriteCounter {
  record Result(
      double statusWrites,
      long verdictTransitionsSeen,
      double eventsRecorded,
      long happinessFlipsSeen) {}

  private final Bench bench;
  private final double writes0;
  private final double events0;
  private final long transitions0;
  private final long flips0;

  WriteCounter(Bench bench) {
    this.bench = bench;
    this.writes0 = bench.operator().statusWrites();
    this.events0 = bench.operator().eventsRecorded();
    this.transitions0 = bench.watch.verdictTransitions();
    this.flips0 = bench.watch.happinessFlips();
  }

  Result result(int n) {
    Result r =
        new Result(
            bench.operator().statusWrites() - writes0,
            bench.watch.verdictTransitions() - transitions0,
            bench.operator().eventsRecorded() - events0,
            bench.watch.happinessFlips() - flips0);
    bench.table.row(
        n + " Foos: API writes vs transitions",
        String.format(
            "%.0f status writes / %d verdict changes; " + "%.0f events / %d flips",
            r.statusWrites(),
            r.verdictTransitionsSeen(),
            r.eventsRecorded(),
            r.happinessFlipsSeen()),
        "target equal");
    return r;
  }
}
