package my.domain.tutorial.kubectl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.PagingApiServer;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import my.domain.tutorial.kubectl.paging.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get}, {@code friends} and {@code why} read their lists in pages, as kubectl does: each
 * request asks for at most {@link Pages#LIMIT} objects and carries the continue token of the page
 * before, until the server sends none; what they print holds every page. The server here sends one
 * object per page, so three Foos take three requests.
 */
class PagedListsTest {
  static final String NS = "team-a";
  static final String FOOS = "/apis/tutorial.my.domain/v1/namespaces/" + NS + "/foos";
  static final String PODS = "/api/v1/namespaces/" + NS + "/pods";
  static final Instant CREATED = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path dir;

  PagingApiServer server;
  PluginRun plugin;

  @BeforeEach
  void setUp() {
    server =
        PagingApiServer.serving(
            Map.<String, List<? extends HasMetadata>>of(
                FOOS,
                List.of(foo("foo-a", "jack"), foo("foo-b", "jill"), foo("foo-c", "joe")),
                PODS,
                List.of(pod("jill"), pod("web-1"), pod("web-2"))));
    plugin =
        PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir, server.url(), "t", NS),
            Clock.fixed(CREATED.plusSeconds(300), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void whenTheFoosSpanSeveralPages_getAsksForPagesOf500AndPrintsEveryFoo() {
    Result r = plugin.run("get");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "NAME    FRIEND   HAPPY   REASON   AGE\n"
                + "foo-a   jack                      5m\n"
                + "foo-b   jill                      5m\n"
                + "foo-c   joe                       5m\n");
    assertPaged(FOOS, 3);
  }

  @Test
  void whenTheFoosSpanSeveralPages_friendsListsTheFriendsOfEveryPage() {
    Result r = plugin.run("friends", "-o", "name");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("pod/jack\npod/jill\npod/joe\n");
    assertPaged(FOOS, 3);
  }

  @Test
  void whenFoosAndPodsSpanSeveralPages_whyReadsEveryPageOfBoth() {
    Result r = plugin.run("why", "--all");

    assertThat(r.out())
        .as(r.toString())
        .contains("Foo team-a/foo-b is happy (FriendFound).")
        .contains("Foo team-a/foo-a is not happy (FriendNotFound).")
        .contains("2 of 3 Foos in namespace team-a are unhappy");
    assertPaged(FOOS, 3);
    assertPaged(PODS, 3);
  }

  @Test
  void whenTheNamedFoosPodsSpanSeveralPages_whyNameReadsEveryPage() {
    Result r = plugin.run("why", "foo-a", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertPaged(PODS, 3);
  }

  /** Every request for {@code path} asked for pages, and each after the first continued. */
  private void assertPaged(String path, int pages) {
    List<PagingApiServer.Request> requests = server.requestsTo(path);
    assertThat(requests).as("requests to " + path).hasSize(pages);
    for (int i = 0; i < pages; i++) {
      Map<String, String> query = requests.get(i).query();
      assertThat(query).as("request %d to %s", i, path).containsEntry("limit", "500");
      if (i == 0) {
        assertThat(query).doesNotContainKey("continue");
      } else {
        assertThat(query).containsEntry("continue", Integer.toString(i));
      }
    }
  }

  private static Foo foo(String name, String friend) {
    Foo foo = Foo.of(NS, name, friend);
    foo.getMetadata().setCreationTimestamp(CREATED.toString());
    foo.getMetadata().setGeneration(1L);
    return foo;
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .withCreationTimestamp(CREATED.toString())
        .endMetadata()
        .build();
  }
}
