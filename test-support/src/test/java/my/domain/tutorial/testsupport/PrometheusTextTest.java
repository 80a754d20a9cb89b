package my.domain.tutorial.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String EXPOSITION =
      """
      # HELP foo_events_recorded_total Events recorded
      # TYPE foo_events_recorded_total counter
      foo_events_recorded_total{type="Normal"} 2.0
      foo_events_recorded_total{type="Warning"} 3.0
      foo_status_patches_total 0.0
      foo_status_patches_total_extra 7.0
      """;

  @Test
  void sumsEverySeriesOfTheMetric() {
    assertThat(PrometheusText.sum(EXPOSITION, "foo_events_recorded_total")).isEqualTo(5.0);
    assertThat(PrometheusText.sum(EXPOSITION, "foo_events_recorded_total", "type=\"Warning\""))
        .isEqualTo(3.0);
  }

  @Test
  void aSeriesAtZeroReadsAsZero_andAMetricWhoseNameItPrefixesIsNotCounted() {
    assertThat(PrometheusText.sum(EXPOSITION, "foo_status_patches_total")).isZero();
  }

  @Test
  void aMissingSeriesIsAnError_notAZero() {
    assertThatThrownBy(() -> PrometheusText.sum(EXPOSITION, "foo_status_writes_total"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no series foo_status_writes_total");
    assertThatThrownBy(
            () -> PrometheusText.sum(EXPOSITION, "foo_events_recorded_total", "type=\"Other\""))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedScrapesErrorTextIsAnError_notAZero() {
    assertThatThrownBy(
            () ->
                PrometheusText.sum(
                    "java.net.ConnectException: Connection refused", "foo_status_patches_total"))
        .isInstanceOf(IllegalStateException.class);
  }
}
