package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.MetricsScraper;
import my.domain.tutorial.testsupport.OperatorEndpoints.Probe;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} as kubebuilder v4 operators serve it, on the real API server: HTTPS, and only
 * for a client whose token the API server accepts and whose user may get {@code /metrics} (the
 * shipped metrics-reader ClusterRole); the operator asks with its shipped RBAC. The probes stay
 * plain HTTP, open to the kubelet.
 */
@ExtendWith(ControlPlaneExtension.class)
class SecureMetricsIT {
  private KubernetesClient admin;
  private TestNamespace ns;
  private OperatorUnderTest operator;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    admin = cp.adminClient();
    this.ns = ns;
    operator =
        OperatorUnderTest.start(
            cp,
            Map.of(
                OperatorSettings.METRICS_SECURE,
                "true",
                OperatorSettings.WATCH_NAMESPACES,
                ns.name()));
  }

  @AfterEach
  void tearDown() {
    operator.close();
  }

  @Test
  void aClientBoundToMetricsReader_readsTheMetricsOverHttps() {
    admin.resource(Foo.of(ns.name(), "foo-01", "jack")).create();
    FooWaits.awaitReason(admin, ns.name(), "foo-01", "FriendNotFound");

    Probe scrape = operator.probe("/metrics", Optional.of(MetricsScraper.readerToken(admin)));

    assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("foo_status_patches_total")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void withoutAToken_orWithOneTheApiServerRejects_theAnswerIs401() {
    Probe anonymous = operator.probe("/metrics", Optional.empty());
    Probe forged = operator.probe("/metrics", Optional.of("not-a-token"));

    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
    assertThat(forged.status()).as(forged.body()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("foo_");
  }

  @Test
  void anAuthenticatedClientWithoutPermission_isForbidden_403() {
    Probe stranger = operator.probe("/metrics", Optional.of(MetricsScraper.strangerToken(admin)));

    assertThat(stranger.status()).as(stranger.body()).isEqualTo(403);
    assertThat(stranger.body())
        .contains("system:serviceaccount:foo-system:" + MetricsScraper.STRANGER)
        .doesNotContain("foo_");
  }

  @Test
  void theProbesStayPlainHttp_withoutAToken() {
    await()
        .atMost(FooWaits.PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(operator.probe("/healthz", Optional.empty()).status()).isEqualTo(200);
              assertThat(operator.probe("/readyz", Optional.empty()).status()).isEqualTo(200);
            });
  }
}
