package my.domain.tutorial.testsupport;

/**
 * Reads figures out of a Prometheus text exposition, as the operator's {@code /metrics} serves it.
 * A series that is not there is an error, never a zero: a renamed metric or a failed scrape must
 * not read as "nothing happened".
 */
public final class PrometheusText {
  private PrometheusText() {}

  /** The sum over all label sets of metric {@code name}. */
  public static double sum(String exposition, String name) {
    return sum(exposition, name, "");
  }

  /**
   * The sum over the label sets of metric {@code name} whose labels contain {@code labelFragment}.
   */
  public static double sum(String exposition, String name, String labelFragment) {
    double[] samples =
        exposition
            .lines()
            .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
            .filter(l -> l.contains(labelFragment))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .toArray();
    if (samples.length == 0) {
      throw new IllegalStateException(
          "no series "
              + name
              + (labelFragment.isEmpty() ? "" : "{" + labelFragment + "}")
              + " in the exposition ("
              + exposition.lines().count()
              + " lines)");
    }
    return java.util.Arrays.stream(samples).sum();
  }
}
