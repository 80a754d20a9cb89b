package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {
  @Test
  void emptyEnvironment_givesTheDocumentedDefaults() {
    OperatorSettings s = OperatorSettings.fromEnvironment(Map.of());

    assertThat(s.watchesAllNamespaces()).isTrue();
    assertThat(s.operatorNamespace()).isEmpty();
    assertThat(s.leaderElection()).isFalse();
    assertThat(s.leaseName()).isEqualTo("foo-operator-leader");
    assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.resyncPeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.healthPort()).isEqualTo(8081);
    assertThat(s.metricsPort()).isEqualTo(8443);
    assertThat(s.metricsSecure()).isTrue();
    assertThat(s.metricsCertDir()).isEmpty();
    assertThat(s.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(s.logLevel()).isEqualTo("INFO");
    assertThat(s.identity()).startsWith("foo-operator-");
    assertThat(s.reconcileThreads()).isEqualTo(20);
  }

  @Test
  void everySettingIsRead() {
    OperatorSettings s =
        OperatorSettings.fromEnvironment(
            Map.ofEntries(
                Map.entry("FOO_WATCH_NAMESPACES", " team-a, team-b ,,"),
                Map.entry("FOO_OPERATOR_NAMESPACE", "foo-system"),
                Map.entry("FOO_LEADER_ELECTION", "TRUE"),
                Map.entry("FOO_LEASE_NAME", "my-lease"),
                Map.entry("FOO_LEASE_DURATION", "6s"),
                Map.entry("FOO_RENEW_DEADLINE", "4s"),
                Map.entry("FOO_RETRY_PERIOD", "500ms"),
                Map.entry("POD_NAME", "foo-operator-7d9f-abcde"),
                Map.entry("FOO_HEALTH_PORT", "9091"),
                Map.entry("FOO_METRICS_PORT", "9090"),
                Map.entry("FOO_LOG_FORMAT", "json"),
                Map.entry("FOO_LOG_LEVEL", "debug"),
                Map.entry("FOO_RECONCILE_THREADS", "4")));

    assertThat(s.watchedNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(s.operatorNamespace()).isEqualTo(Optional.of("foo-system"));
    assertThat(s.leaderElection()).isTrue();
    assertThat(s.leaseName()).isEqualTo("my-lease");
    assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(6));
    assertThat(s.renewDeadline()).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.retryPeriod()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.identity()).isEqualTo("foo-operator-7d9f-abcde");
    assertThat(s.healthPort()).isEqualTo(9091);
    assertThat(s.metricsPort()).isEqualTo(9090);
    assertThat(s.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(s.logLevel()).isEqualTo("DEBUG");
    assertThat(s.reconcileThreads()).isEqualTo(4);
  }

  @Test
  void resyncPeriod_canBeSetOrTurnedOff() {
    assertThat(OperatorSettings.fromEnvironment(Map.of("FOO_RESYNC_PERIOD", "2m")).resyncPeriod())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(OperatorSettings.fromEnvironment(Map.of("FOO_RESYNC_PERIOD", "0")).resyncPeriod())
        .isZero();
  }

  @Test
  void explicitIdentityWinsOverPodName() {
    OperatorSettings s =
        OperatorSettings.fromEnvironment(Map.of("FOO_IDENTITY", "me", "POD_NAME", "pod"));

    assertThat(s.identity()).isEqualTo("me");
  }

  @Test
  void badValues_areAllReportedAtOnce_eachNamingTheVariableAndTheFix() {
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of(
                        "FOO_WATCH_NAMESPACES", "team-a,Team_B",
                        "FOO_LEADER_ELECTION", "yes",
                        "FOO_HEALTH_PORT", "http",
                        "FOO_METRICS_PORT", "70000",
                        "FOO_LOG_FORMAT", "xml",
                        "FOO_LOG_LEVEL", "loud",
                        "FOO_LEASE_DURATION", "soon",
                        "FOO_RECONCILE_THREADS", "0")))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(8)
                    .anySatisfy(
                        p -> assertThat(p).contains("FOO_WATCH_NAMESPACES").contains("Team_B"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("FOO_LEADER_ELECTION=yes")
                                .contains("true or false"))
                    .anySatisfy(
                        p -> assertThat(p).contains("FOO_HEALTH_PORT=http").contains("1 to 65535"))
                    .anySatisfy(p -> assertThat(p).contains("FOO_METRICS_PORT=70000"))
                    .anySatisfy(
                        p -> assertThat(p).contains("FOO_LOG_FORMAT=xml").contains("text or json"))
                    .anySatisfy(p -> assertThat(p).contains("FOO_LOG_LEVEL=loud"))
                    .anySatisfy(
                        p -> assertThat(p).contains("FOO_LEASE_DURATION=soon").contains("15s"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("FOO_RECONCILE_THREADS=0")
                                .contains("1 to 200")));
  }

  @Test
  void leaderElectionTimings_mustNest() {
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of(
                        "FOO_LEADER_ELECTION",
                        "true",
                        "FOO_LEASE_DURATION",
                        "5s",
                        "FOO_RENEW_DEADLINE",
                        "10s")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("FOO_RETRY_PERIOD < FOO_RENEW_DEADLINE < FOO_LEASE_DURATION");
  }

  @Test
  void healthAndMetricsPorts_mustDiffer() {
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of("FOO_HEALTH_PORT", "8080", "FOO_METRICS_PORT", "8080")))
        .hasMessageContaining("must differ");
  }

  @Test
  void slimCachesOnlyWhereTheSdkRunsOneInformerPerKind() {
    assertThat(OperatorSettings.fromEnvironment(Map.of()).slimCaches()).isTrue();
    assertThat(OperatorSettings.fromEnvironment(Map.of("FOO_WATCH_NAMESPACES", "a")).slimCaches())
        .isTrue();
    assertThat(OperatorSettings.fromEnvironment(Map.of("FOO_WATCH_NAMESPACES", "a,b")).slimCaches())
        .isFalse();
  }
}
