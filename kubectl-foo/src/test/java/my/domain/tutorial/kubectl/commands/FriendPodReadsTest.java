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
import java.util.stream.IntStream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.PagingApiServer;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.PluginRun.Result;
import my.domain.tutorial.kubectl.friends.ReadPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code friends} reads the friends' Pods ({@link ReadPlan}): a GET each when they are few, a
 * paged list of the namespace's Pods when they are many, and GETs for the rest when the list left
 * to read would cost more than they do. The server sends one Pod per page and, as kube-apiserver,
 * how many remain.
 */
class FriendPodReadsTest {
  static final String NS = "team-a";
  static final String FOOS = "/apis/tutorial.my.domain/v1/namespaces/" + NS + "/foos";
  static final String PODS = "/api/v1/namespaces/" + NS + "/pods";

  @TempDir Path dir;

  PagingApiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void whenFewFriends_eachPodIsGot_andThePodsAreNotListed() {
    Result r = run(foosNaming(0, 3), pods(0, 100), "friends", "-o", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(server.requestsTo(PODS)).isEmpty();
    assertThat(gets()).hasSize(3);
  }

  @Test
  void whenAPageIsWorthFewerGetsThanTheFriends_theNamespacesPodsAreListed_andNoneIsGot() {
    int friends = ReadPlan.GETS_PER_PAGE + 10;
    Result r = run(foosNaming(0, friends), pods(0, 5), "friends");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(server.requestsTo(PODS)).hasSize(5);
    assertThat(gets()).isEmpty();
    List<String> rows = r.out().lines().skip(1).toList();
    assertThat(rows).hasSize(friends);
    assertThat(rows.subList(0, 5)).allMatch(row -> row.matches("p-\\d{4} +Pending +foo-\\d{4}"));
    assertThat(rows.subList(5, friends))
        .allMatch(row -> row.matches("p-\\d{4} +Missing +foo-\\d{4}"));
  }

  @Test
  void whenThePodsLeftToListOutweighTheFriendsLeft_theListStops_andTheRestAreGot() {
    int friends = ReadPlan.GETS_PER_PAGE + 1;
    // The first page holds one friend; then 50 friends are left among 999 Pods (two pages).
    Result r = run(foosNaming(0, friends), pods(0, 1000), "friends", "-o", "wide");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(server.requestsTo(PODS)).hasSize(1);
    assertThat(gets()).hasSize(friends - 1);
    List<String> rows = r.out().lines().skip(1).toList();
    assertThat(rows)
        .hasSize(friends)
        .allMatch(row -> row.matches("p-\\d{4} +Pending +10\\.0\\.0\\.1 +node-a +foo-\\d{4}"));
  }

  private Result run(List<Foo> foos, List<Pod> pods, String... args) {
    server =
        PagingApiServer.serving(
            Map.<String, List<? extends HasMetadata>>of(FOOS, foos, PODS, pods));
    return PluginRun.withKubeconfig(
            PluginRun.kubeconfig(dir, server.url(), "t", NS),
            Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
        .run(args);
  }

  /** The GETs of one Pod by name. */
  private List<PagingApiServer.Request> gets() {
    return server.requests().stream().filter(q -> q.path().startsWith(PODS + "/")).toList();
  }

  /** Foo foo-I names Pod p-I, for I in [from, to). */
  private static List<Foo> foosNaming(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> Foo.of(NS, String.format("foo-%04d", i), String.format("p-%04d", i)))
        .toList();
  }

  private static List<Pod> pods(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                new PodBuilder()
                    .withNewMetadata()
                    .withName(String.format("p-%04d", i))
                    .withNamespace(NS)
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName("node-a")
                    .endSpec()
                    .withNewStatus()
                    .withPhase("Pending")
                    .withPodIP("10.0.0.1")
                    .endStatus()
                    .build())
        .toList();
  }
}
