package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.kubectl.why.reads.ListedReads;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.Test;

/**
 * The listed view answers as a read per question would, from one list per kind and scope: with
 * {@code -A}, one list of the cluster's Pods for every Foo.
 */
class ListedReadsTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  /** Three namespaces; "web" in two of them, "db" in one, and other Pods around them. */
  private static InMemoryView cluster() {
    List<Pod> pods = new ArrayList<>();
    for (String ns : List.of("team-a", "team-b", "team-c")) {
      for (int i = 0; i < 50; i++) {
        pods.add(TestPods.pod(ns, "worker-" + i));
      }
    }
    pods.add(TestPods.pod("team-a", "web"));
    pods.add(TestPods.pod("team-b", "web"));
    pods.add(TestPods.pod("team-c", "db"));
    return new InMemoryView(Searches.leaseIn("foo-system", NOW, 2), NOW).with(Facts.POD, pods);
  }

  private static List<String> names(Lookup<? extends List<? extends HasMetadata>> pods) {
    return pods.found().orElseThrow().stream()
        .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private static Optional<String> name(Lookup<? extends Optional<? extends HasMetadata>> pod) {
    return pod.found().orElseThrow().map(p -> p.getMetadata().getName());
  }

  @Test
  void withAllNamespaces_everyAnswerIsThePointReadsAnswer_fromOneListOfPods() {
    InMemoryView point = cluster();
    CountingView counted = new CountingView(cluster());
    ListedReads listed = new ListedReads(counted, true);

    for (String ns : List.of("team-a", "team-b", "team-c", "team-d")) {
      for (String pod : List.of("web", "db", "worker-7", "nobody")) {
        assertThat(name(listed.get(Facts.POD, ns, pod)))
            .as("get %s/%s", ns, pod)
            .isEqualTo(name(point.get(Facts.POD, ns, pod)));
      }
      assertThat(names(listed.list(Facts.POD, ns)))
          .as("list in %s", ns)
          .isEqualTo(names(point.list(Facts.POD, ns)));
    }
    for (String pod : List.of("web", "db", "nobody")) {
      assertThat(names(listed.named(Facts.POD, pod)))
          .as("named %s", pod)
          .isEqualTo(names(point.named(Facts.POD, pod)));
    }

    assertThat(counted.lists).containsExactly("pods in all namespaces");
  }

  /** The view underneath, counting the lists asked of it. */
  private static final class CountingView implements ClusterView {
    private final ClusterView source;
    final List<String> lists = new ArrayList<>();

    CountingView(ClusterView source) {
      this.source = source;
    }

    @Override
    public <T extends HasMetadata> Lookup<Optional<T>> get(
        Kind<T> kind, String namespace, String name) {
      lists.add("get " + kind + " " + namespace + "/" + name);
      return source.get(kind, namespace, name);
    }

    @Override
    public <T extends HasMetadata> Lookup<List<T>> list(Kind<T> kind, String namespace) {
      lists.add(kind + " in " + (namespace == null ? "all namespaces" : "namespace " + namespace));
      return source.list(kind, namespace);
    }

    @Override
    public <T extends HasMetadata> Lookup<List<T>> named(Kind<T> kind, String name) {
      lists.add(kind + " named " + name);
      return source.named(kind, name);
    }

    @Override
    public OperatorSearch operator() {
      return source.operator();
    }

    @Override
    public Instant now() {
      return source.now();
    }
  }
}
