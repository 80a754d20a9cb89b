package my.domain.tutorial.e2e;

import static my.domain.tutorial.testsupport.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.FooWaits;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's reads of Pods (through a client built as {@code FooOperator.clientBuilder()}
 * builds it) bring metadata only from a real API server: each list (paged, as the informer pages
 * it), get and watch, over a WebSocket (fabric8's default) and over plain HTTP (its fallback, e.g.
 * behind {@code kubectl proxy}). Each Pod read says it is the server's {@code
 * PartialObjectMetadata}: the server transformed it, the client did not just drop fields.
 */
@ExtendWith(ControlPlaneExtension.class)
class PodMetadataReadsIT {
  private static final String METADATA = "PartialObjectMetadata";

  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    admin = cp.adminClient();
    this.ns = ns;
  }

  @Test
  void overAWebSocketWatch_listsGetsAndWatchesBringPodMetadataOnly() {
    try (KubernetesClient reader = reader(admin.getConfiguration())) {
      readsBringMetadataOnly(reader);
    }
  }

  @Test
  void overAnHttpWatch_listsGetsAndWatchesBringPodMetadataOnly() {
    try (KubernetesClient reader =
        reader(new ConfigBuilder(admin.getConfiguration()).withOnlyHttpWatches(true).build())) {
      readsBringMetadataOnly(reader);
    }
  }

  private void readsBringMetadataOnly(KubernetesClient reader) {
    List<Pod> watched = new CopyOnWriteArrayList<>();
    Pod jack;
    try (Watch watch = reader.pods().inNamespace(ns.name()).watch(collectingInto(watched))) {
      jack = admin.resource(pod(ns.name(), "jack")).create();
      admin.resource(pod(ns.name(), "jill")).create();
      await().atMost(FooWaits.PATIENCE).until(() -> watched.size() >= 2);
    }
    assertThat(jack.getSpec()).isNotNull(); // what an ordinary read brings

    List<Pod> listed = reader.pods().inNamespace(ns.name()).list().getItems();
    List<Pod> paged = new ArrayList<>();
    String next = null;
    do {
      PodList page =
          reader
              .pods()
              .inNamespace(ns.name())
              .list(new ListOptionsBuilder().withLimit(1L).withContinue(next).build());
      paged.addAll(page.getItems());
      next = page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    Pod got = reader.pods().inNamespace(ns.name()).withName("jack").get();

    for (List<Pod> pods : List.of(watched, listed, paged, List.of(got))) {
      assertThat(pods)
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.getKind()).isEqualTo(METADATA);
                assertThat(p.getSpec()).isNull();
                assertThat(p.getStatus()).isNull();
                assertThat(p.getMetadata().getNamespace()).isEqualTo(ns.name());
                assertThat(p.getMetadata().getUid()).isNotBlank();
                assertThat(p.getMetadata().getResourceVersion()).isNotBlank();
              });
    }
    assertThat(paged)
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("jack", "jill");
    assertThat(got.getMetadata().getUid()).isEqualTo(jack.getMetadata().getUid());
  }

  /** A client built as the operator's is. */
  private static KubernetesClient reader(Config config) {
    return FooOperator.clientBuilder().withConfig(config).build();
  }

  private static Watcher<Pod> collectingInto(List<Pod> pods) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        pods.add(pod);
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
