package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.WatchEventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.kube.Cluster;
import org.junit.jupiter.api.Test;

/**
 * {@code get -w} when the API server ends the watch because its resource version expired (410 Gone,
 * what a long watch meets after etcd compaction): the plugin lists again, reports what changed
 * meanwhile, and watches on from the new listing.
 */
@EnableKubernetesMockClient
class FooWatchMockServerTest {
  static final String NS = "team-a";
  static final String PATH = "/apis/tutorial.my.domain/v1/namespaces/" + NS + "/foos";

  /** The listing, one page of at most 500 as kubectl asks. */
  static final String LIST = PATH + "?limit=500";

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void whenTheWatchExpires_itListsAgain_reportsWhatChangedMeanwhile_andWatchesOn() {
    Foo a1 = foo("foo-a", "uid-a", "1");
    Foo a4 = foo("foo-a", "uid-a", "4");
    Foo b5 = foo("foo-b", "uid-b", "5");
    Foo b6 = foo("foo-b", "uid-b", "6");
    server.expect().get().withPath(LIST).andReturn(200, list("1", a1)).once();
    server
        .expect()
        .get()
        .withPath(PATH + "?allowWatchBookmarks=true&resourceVersion=1&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(100)
        .andEmit(gone())
        .done()
        .once();
    server.expect().get().withPath(LIST).andReturn(200, list("5", a4, b5)).once();
    server
        .expect()
        .get()
        .withPath(PATH + "?allowWatchBookmarks=true&resourceVersion=5&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(100)
        .andEmit(new WatchEvent(b6, "MODIFIED"))
        .done()
        .always();

    List<List<Foo>> initial = new CopyOnWriteArrayList<>();
    List<String> changes = new CopyOnWriteArrayList<>();
    Thread watching =
        new Thread(
            () ->
                new FooWatch(
                        new Cluster(client, NS, client.getMasterUrl().toString()),
                        false,
                        null,
                        null)
                    .run(
                        initial::add,
                        f ->
                            changes.add(
                                f.getMetadata().getName()
                                    + "@"
                                    + f.getMetadata().getResourceVersion())));
    watching.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> changes, c -> c.contains("foo-b@6"));
      assertThat(initial).hasSize(1);
      assertThat(initial.get(0))
          .extracting(f -> f.getMetadata().getName())
          .containsExactly("foo-a");
      assertThat(changes).containsExactly("foo-a@4", "foo-b@5", "foo-b@6");
    } finally {
      watching.interrupt();
    }
  }

  private static WatchEvent gone() {
    return new WatchEventBuilder()
        .withType("ERROR")
        .withObject(
            new StatusBuilder()
                .withCode(410)
                .withReason("Expired")
                .withMessage("too old resource version: 1 (3)")
                .build())
        .build();
  }

  private static Map<String, Object> list(String resourceVersion, Foo... foos) {
    return Map.of(
        "apiVersion",
        "tutorial.my.domain/v1",
        "kind",
        "FooList",
        "metadata",
        Map.of("resourceVersion", resourceVersion),
        "items",
        List.of(foos));
  }

  private static Foo foo(String name, String uid, String resourceVersion) {
    Foo foo = Foo.of(NS, name, "jack");
    foo.getMetadata().setUid(uid);
    foo.getMetadata().setResourceVersion(resourceVersion);
    return foo;
  }
}
