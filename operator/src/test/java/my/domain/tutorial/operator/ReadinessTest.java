package my.domain.tutorial.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private static Readiness leaderWith(List<String> informerProblems) {
    return new Readiness(false, true, "lease", true, Optional.empty(), true, informerProblems);
  }

  @Test
  void whenTheLeaderWatchesEverything_itIsReady() {
    Reply reply = leaderWith(List.of()).reply();
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void whenAnInformerLostItsWatch_theLeaderIsNotReady_andSaysWhich() {
    Reply reply = leaderWith(List.of("pods (JOSDK_ALL_NAMESPACES): not watching")).reply();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).contains("pods (JOSDK_ALL_NAMESPACES): not watching");
  }

  @Test
  void whenStandingBy_withLeaderElection_itIsReady_andNamesTheLease() {
    Reply reply =
        new Readiness(false, true, "foo-operator-leader", false, Optional.empty(), false, List.of())
            .reply();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("standby").contains("foo-operator-leader");
  }

  @Test
  void whenReconcilingCouldNotStart_itIsNotReady_andGivesTheCause() {
    Reply reply =
        new Readiness(
                false, true, "lease", false, Optional.of("pods is forbidden"), false, List.of())
            .reply();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).contains("could not start reconciling: pods is forbidden");
  }

  @Test
  void whenStarting_withoutLeaderElection_itIsNotReady() {
    assertThat(
            new Readiness(false, false, "lease", false, Optional.empty(), false, List.of())
                .reply()
                .status())
        .isEqualTo(503);
    assertThat(
            new Readiness(false, false, "lease", true, Optional.empty(), false, List.of())
                .reply()
                .status())
        .isEqualTo(503);
  }

  @Test
  void whenClosing_itIsNotReady_whateverElseHolds() {
    Reply reply =
        new Readiness(true, true, "lease", true, Optional.empty(), true, List.of()).reply();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).contains("shutting down");
  }
}
