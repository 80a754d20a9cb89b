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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several clients edit many Foos at once while friend pods come and go. Every user edit that the
 * API server accepted must survive, and every Foo must end with the verdict its final spec and the
 * final pods call for.
 *
 * <p>That the spec survives is the API server's doing (the status subresource cannot write spec);
 * what is the operator's is how it writes status. So the test also watches the operator's own
 * status PUTs ({@link StatusPutLog}) and puts a competing spec edit right before the first one of
 * every Foo: kube-apiserver must refuse that PUT with 409 (it carried the resourceVersion the
 * operator had read), and the operator's next accepted PUT of that Foo must carry the edited Foo's
 * resourceVersion or a later one, with a status computed for its generation.
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
  void setUp(ControlPlane cp, TestNamespace ns) {
    this.cp = cp;
    admin = cp.adminClient();
    this.ns = ns;
  }

  @Test
  void concurrentEditsWhilePodsChurn_endInTheRightVerdictForEveryFoo_withNoLostUpdate()
      throws Exception {
    // The last accepted write per Foo, keyed by the resourceVersion the API server gave it.
    Map<String, Write> lastWrite = new ConcurrentHashMap<>();
    Map<String, Foo> competingEdits = new ConcurrentHashMap<>();
    StatusPutLog statusPuts =
        new StatusPutLog(name -> competingEdits.put(name, competingEdit(name, lastWrite)));
    try (OperatorUnderTest operator = OperatorUnderTest.start(cp, Map.of(), statusPuts)) {
      for (int i = 0; i < FOOS; i++) {
        admin.resource(Foo.of(ns.name(), "foo-" + i, "pod-" + (i % PODS))).create();
      }
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
      assertStatusPutsRetriedOnFreshFoos(statusPuts.puts(), competingEdits);
      System.out.printf(
          "concurrency: %d foos, %d accepted edits, %d editor conflicts retried, %d of %d operator"
              + " status PUTs refused with 409%n",
          FOOS,
          EDITORS * EDITS_PER_EDITOR,
          conflicts.get(),
          statusPuts.puts().stream().filter(p -> p.code() == 409).count(),
          statusPuts.puts().size());
    }
  }

  /**
   * A spec edit made on the operator's thread right before its first status PUT of {@code name}
   * leaves: that PUT carries an older resourceVersion than the one this edit leaves stored.
   */
  private Foo competingEdit(String name, Map<String, Write> lastWrite) {
    Foo edited =
        admin
            .resources(Foo.class)
            .inNamespace(ns.name())
            .withName(name)
            .edit(
                f -> {
                  // Another friend than now: an edit that changes nothing is an empty patch, which
                  // leaves the resourceVersion as it was and so makes no conflict.
                  String friend;
                  do {
                    friend = "pod-" + ThreadLocalRandom.current().nextInt(PODS + 2);
                  } while (friend.equals(f.getSpec().getName()));
                  f.getSpec().setName(friend);
                  return f;
                });
    Write write =
        new Write(
            Long.parseLong(edited.getMetadata().getResourceVersion()), edited.getSpec().getName());
    lastWrite.merge(name, write, (a, b) -> a.version() > b.version() ? a : b);
    return edited;
  }

  private static void assertStatusPutsRetriedOnFreshFoos(
      List<StatusPutLog.Put> puts, Map<String, Foo> competingEdits) {
    assertThat(puts)
        .as("every status PUT carries a resourceVersion (optimistic lock)")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.resourceVersion()).as(p.toString()).isPositive());
    assertThat(competingEdits).as("Foos whose first status PUT met a competing edit").hasSize(FOOS);
    competingEdits.forEach(
        (name, edit) -> {
          long editVersion = Long.parseLong(edit.getMetadata().getResourceVersion());
          List<StatusPutLog.Put> ofFoo = puts.stream().filter(p -> p.name().equals(name)).toList();
          assertThat(ofFoo.get(0))
              .as(
                  "first status PUT of "
                      + name
                      + ", made stale by the edit at "
                      + editVersion
                      + ": "
                      + ofFoo)
              .satisfies(
                  p -> {
                    assertThat(p.code()).isEqualTo(409);
                    assertThat(p.resourceVersion()).isLessThan(editVersion);
                  });
          assertThat(ofFoo.stream().filter(p -> p.code() == 200).findFirst())
              .as("first accepted status PUT of " + name + " after the 409: " + ofFoo)
              .hasValueSatisfying(
                  p -> {
                    assertThat(p.resourceVersion()).isGreaterThanOrEqualTo(editVersion);
                    assertThat(p.observedGeneration())
                        .isGreaterThanOrEqualTo(edit.getMetadata().getGeneration());
                  });
        });
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
