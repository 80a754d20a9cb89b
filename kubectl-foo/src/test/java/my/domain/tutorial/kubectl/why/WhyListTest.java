package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.why.reads.ListedReads;
import org.junit.jupiter.api.Test;

/** {@code why} without a name, over the listed view of a cluster held in memory. */
class WhyListTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final OperatorSearch LIVE_LEASE = Searches.leaseIn("foo-system", NOW, 2);

  private static Foo foo(String ns, String name, String friend) {
    return Foo.of(ns, name, friend);
  }

  private static Pod pod(String ns, String name, boolean terminating) {
    PodBuilder b =
        new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata();
    if (terminating) {
      b.editMetadata().withDeletionTimestamp("2026-01-01T11:59:00Z").endMetadata();
    }
    return b.build();
  }

  /** The facts of each Foo, read through the listed view as {@code why} without a name reads. */
  private static List<Facts> facts(List<Foo> foos, InMemoryView cluster) {
    ListedReads view = new ListedReads(cluster, false);
    return foos.stream().map(foo -> Facts.of(view, foo)).toList();
  }

  /** Foos in team-a, the Pods there, and for some Pod names the other namespaces with one. */
  private static List<Facts> survey(
      List<Foo> foos, List<Pod> pods, Map<String, Set<String>> elsewhere, OperatorSearch lease) {
    List<Pod> all = new ArrayList<>(pods);
    elsewhere.forEach(
        (name, namespaces) -> namespaces.forEach(ns -> all.add(pod(ns, name, false))));
    return facts(foos, new InMemoryView(lease, NOW).with(Facts.POD, all));
  }

  @Test
  void whenSeveralFoosAreUnhappyForDifferentReasons_thenTheyComeWorstFirstWithCounts() {
    List<Facts> s =
        survey(
            List.of(
                foo("team-a", "a-terminating", "gone"),
                foo("team-a", "b-happy", "jill"),
                foo("team-a", "c-missing", "jack"),
                foo("team-a", "d-missing", "joe"),
                foo("team-a", "e-noname", null)),
            List.of(pod("team-a", "jill", false), pod("team-a", "gone", true)),
            Map.of("joe", Set.of("team-b")),
            LIVE_LEASE);

    WhyList list = WhyList.of("team-a", s, false);

    assertThat(list.items())
        .extracting(WhyReport::name)
        .containsExactly("e-noname", "c-missing", "d-missing", "a-terminating");
    assertThat(list.total()).isEqualTo(5);
    assertThat(list.unhappy()).isEqualTo(4);
    assertThat(list.reasons())
        .containsExactly(
            Map.entry("FriendNotFound", 2),
            Map.entry("FriendTerminating", 1),
            Map.entry("NoFriendNamed", 1));
    assertThat(list.exitCode()).isEqualTo(1);
    assertThat(list.items().get(2).findings())
        .extracting(Finding::code)
        .contains(FindingCode.FriendNotFound, FindingCode.FriendInOtherNamespace);
    assertThat(WhyListText.summary(list))
        .isEqualTo(
            "4 of 5 Foos in namespace team-a are unhappy: 2 FriendNotFound, 1 FriendTerminating,"
                + " 1 NoFriendNamed.");
  }

  @Test
  void whenAllIsAsked_thenTheHappyFoosAreExplainedTooAndLast() {
    List<Facts> s =
        survey(
            List.of(foo("team-a", "a-happy", "jill"), foo("team-a", "b-missing", "jack")),
            List.of(pod("team-a", "jill", false)),
            Map.of(),
            LIVE_LEASE);

    WhyList list = WhyList.of("team-a", s, true);

    assertThat(list.items()).extracting(WhyReport::name).containsExactly("b-missing", "a-happy");
    assertThat(list.items().get(1).findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.FriendFound, FindingCode.StatusNotReconciled);
  }

  @Test
  void whenEveryFooIsHappy_thenTheExitCodeIs0AndTheSummarySaysSo() {
    List<Facts> s =
        survey(
            List.of(foo("team-a", "a", "jill"), foo("team-a", "b", "jill")),
            List.of(pod("team-a", "jill", false)),
            Map.of(),
            LIVE_LEASE);

    WhyList list = WhyList.of("team-a", s, false);

    assertThat(list.items()).isEmpty();
    assertThat(list.exitCode()).isZero();
    assertThat(WhyListText.render(list)).isEqualTo("All 2 Foos in namespace team-a are happy.\n");
  }

  @Test
  void whenTheOperatorIsDown_thenItsFindingIsReportedOnceNotInEveryBlock() {
    List<Facts> s =
        survey(
            List.of(foo("team-a", "a", "jack"), foo("team-a", "b", "joe")),
            List.of(),
            Map.of(),
            Searches.noneAnywhere());

    WhyList list = WhyList.of("team-a", s, false);
    String text = WhyListText.render(list);

    assertThat(list.operator())
        .extracting(Finding::code)
        .containsExactly(FindingCode.OperatorNotRunning);
    assertThat(list.items())
        .allSatisfy(r -> assertThat(r.has(FindingCode.OperatorNotRunning)).isFalse());
    assertThat(text.split("\\[OperatorNotRunning]", -1)).hasSize(2);
    assertThat(text)
        .startsWith("Foo team-a/a is not happy (FriendNotFound).\n\n[FriendNotFound] Pod jack")
        .contains("\n\nFoo team-a/b is not happy (FriendNotFound).\n")
        .endsWith("\n2 of 2 Foos in namespace team-a are unhappy: 2 FriendNotFound.\n");
  }

  @Test
  void whenThePodsMayNotBeListed_thenTheVerdictComesFromEachFoosStatus() {
    Foo foo = foo("team-a", "a", "jack");
    List<Facts> s =
        facts(
            List.of(foo),
            new InMemoryView(LIVE_LEASE, NOW).refusing("list", Facts.POD, "namespace team-a"));

    WhyList list = WhyList.of("team-a", s, false);

    assertThat(list.items()).singleElement().satisfies(r -> assertThat(r.happy()).isNull());
    assertThat(list.reasons()).containsExactly(Map.entry(WhyList.NO_VERDICT, 1));
    assertThat(list.items().get(0).findings())
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("Not allowed to list pods in namespace team-a"));
  }

  @Test
  void whenThereAreNoFoos_thenTheSummarySaysSoAndExitIs0() {
    WhyList list = WhyList.of(null, List.of(), false);

    assertThat(WhyListText.render(list)).isEqualTo("No Foos.\n");
    assertThat(list.exitCode()).isZero();
  }
}
