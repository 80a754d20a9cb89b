package my.domain.tutorial.bench;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of a sample of durations in milliseconds (nearest-rank). */
record Stats(int samples, double p50, double p90, double p99, double max) {
  static Stats of(List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Stats(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 90),
        rank(sorted, 99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, int percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  /** The JSON shape: rounded, with units in the names. */
  @JsonValue
  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", samples);
    m.put("p50_ms", round(p50));
    m.put("p90_ms", round(p90));
    m.put("p99_ms", round(p99));
    m.put("max_ms", round(max));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  @Override
  public String toString() {
    return String.format(
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50, p90, p99, max, samples);
  }
}
