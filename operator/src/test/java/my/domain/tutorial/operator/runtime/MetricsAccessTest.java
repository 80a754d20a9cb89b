package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import my.domain.tutorial.operator.runtime.MetricsAccess.User;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
  private static final User PROMETHEUS =
      new User("system:serviceaccount:monitoring:prometheus", "u1", List.of("g"), Map.of());
  private static final User SOMEONE = new User("jane", "u2", List.of(), Map.of());

  /** Accepts the tokens "prometheus" and "jane"; only Prometheus may get /metrics. */
  private final MetricsAccess access =
      new MetricsAccess(
          new MetricsAccess.Reviews() {
            @Override
            public Optional<User> authenticate(String token) {
              return switch (token) {
                case "prometheus" -> Optional.of(PROMETHEUS);
                case "jane" -> Optional.of(SOMEONE);
                case "down" -> throw new IllegalStateException("connection refused");
                default -> Optional.empty();
              };
            }

            @Override
            public boolean allowed(User user, String verb, String path) {
              return user.equals(PROMETHEUS) && verb.equals("get") && path.equals("/metrics");
            }
          });

  @Test
  void anAuthenticatedUserAllowedToGetMetrics_isLetThrough() {
    assertThat(access.apply(Optional.of("Bearer prometheus"))).isEmpty();
    assertThat(access.apply(Optional.of("bearer   prometheus "))).isEmpty();
  }

  @Test
  void noTokenOrATokenOfAnotherScheme_is401() {
    assertThat(status(Optional.empty())).isEqualTo(401);
    assertThat(status(Optional.of("Basic cHJvbWV0aGV1czp4"))).isEqualTo(401);
    assertThat(status(Optional.of("Bearer "))).isEqualTo(401);
  }

  @Test
  void aTokenTheApiServerRejects_is401() {
    assertThat(status(Optional.of("Bearer forged"))).isEqualTo(401);
  }

  @Test
  void aUserWithoutTheMetricsReaderPermission_is403_namingTheUser() {
    Reply reply = access.apply(Optional.of("Bearer jane")).orElseThrow();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("\"jane\"").contains("metrics-reader");
  }

  @Test
  void whenTheApiServerCannotBeAsked_is503_andTheTokenIsNotEchoed() {
    Reply reply = access.apply(Optional.of("Bearer down")).orElseThrow();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).doesNotContain("down");
  }

  private int status(Optional<String> header) {
    return access.apply(header).map(Reply::status).orElse(200);
  }
}
