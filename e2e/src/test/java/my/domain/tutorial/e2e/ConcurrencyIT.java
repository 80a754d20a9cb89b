package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several clients edit many Foos at once while friend pods come and go. Every user edit that the
 * API server accepted must survive (the operator's status writes never overwrite a spec), and every
 * Foo must end with the verdict its final spec and the final pods call for.
 */
@ExtendWith(ControlPlaneExtension.class)
class ConcurrencyIT {
  private static final int FOOS = 40;
  private static final int PODS = 8;
  private static final int EDITORS = 4;
  private static final int EDITS_PER_EDITOR = 40;

  private ControlPlane cp;
  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp) {
    this.cp = cp;
    admin = cp.adminClient();
    ns = TestNamespace.create(admin, "concurrency");
  }

  @AfterEach
  void tearDown() {
    ns.close();
  }

  @Test
  void concurrentEditsWhilePodsChurn_endInTheRightVerdictForEveryFoo_withNoLostUpdate()
      throws Exception {
    try (OperatorUnderTest operator = OperatorUnderTest.start(cp)) {
      for (int i = 0; i < FOOS; i++) {
        admin.resource(Foo.of(ns.name(), "foo-" + i, "pod-" + (i % PODS))).create();
      }
      // The last accepted write per Foo, keyed by the resourceVersion the API server gave it.
      Map<String, Write> lastWrite = new ConcurrentHashMap<>();
      AtomicInteger conflicts = new AtomicInteger();

      ExecutorService pool = Executors.newFixedThreadPool(EDITORS + 1);
      List<Future<?>> work = new ArrayList<>();
      for (int e = 0; e < EDITORS; e++) {
        work.add(pool.submit(() -> edit(lastWrite, conflicts)));
      }
      work.add(pool.submit(this::churnPods));
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();

      Set<String> podsLeft =
          admin.pods().inNamespace(ns.name()).list().getItems().stream()
              .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
              .map(p -> p.getMetadata().getName())
              .collect(Collectors.toSet());
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                for (Foo foo :
                    admin.resources(Foo.class).inNamespace(ns.name()).list().getItems()) {
                  String name = foo.getMetadata().getName();
                  if (lastWrite.containsKey(name)) {
                    assertThat(foo.getSpec().getName())
                        .as("spec of " + name + " (lost update?)")
                        .isEqualTo(lastWrite.get(name).friend());
                  }
                  assertThat(foo.getStatus()).as("status of " + name).isNotNull();
                  assertThat(foo.getStatus().getObservedGeneration())
                      .as("observedGeneration of " + name)
                      .isEqualTo(foo.getMetadata().getGeneration());
                  assertThat(foo.getStatus().getHappy())
                      .as("happy of " + name + " befriending " + foo.getSpec().getName())
                      .isEqualTo(podsLeft.contains(foo.getSpec().getName()));
                }
              });
      System.out.printf(
          "concurrency: %d foos, %d accepted edits, %d conflicts retried%n",
          FOOS, EDITORS * EDITS_PER_EDITOR, conflicts.get());
    }
  }

  private record Write(long version, String friend) {}

  private void edit(Map<String, Write> lastWrite, AtomicInteger conflicts) {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(cp.adminConfig()).build()) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int n = 0; n < EDITS_PER_EDITOR; n++) {
        String name = "foo-" + random.nextInt(FOOS);
        String friend = "pod-" + random.nextInt(PODS + 2); // some friends never exist
        while (true) {
          Foo foo = client.resources(Foo.class).inNamespace(ns.name()).withName(name).get();
          foo.getSpec().setName(friend);
          try {
            // update() sends the resourceVersion it read: a concurrent write makes it fail with
            // 409.
            Foo written = client.resource(foo).update();
            Write write =
                new Write(Long.parseLong(written.getMetadata().getResourceVersion()), friend);
            lastWrite.merge(name, write, (a, b) -> a.version() > b.version() ? a : b);
            break;
          } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
              throw e;
            }
            conflicts.incrementAndGet();
          }
        }
      }
    }
  }

  private void churnPods() {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(cp.adminConfig()).build()) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int n = 0; n < 60; n++) {
        String name = "pod-" + random.nextInt(PODS);
        Pod existing = client.pods().inNamespace(ns.name()).withName(name).get();
        if (existing == null) {
          client.resource(TestPods.pod(ns.name(), name)).create();
        } else {
          client.pods().inNamespace(ns.name()).withName(name).withGracePeriod(0).delete();
        }
      }
    }
  }
}
