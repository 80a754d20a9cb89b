package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.ReadPlan;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.TestPods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl foo friends} in a namespace with more friends than GETs are worth, so it lists the
 * namespace's Pods ({@link ReadPlan}): each friend's state is what {@code kubectl get pods} shows
 * of its Pod, for the admin and for users RBAC lets only list Pods or only get them; a user who may
 * do neither sees Forbidden and is told what to ask for.
 */
class FriendsReadsIT extends WithPluginCluster {
  static final int FRIENDS = ReadPlan.GETS_PER_PAGE + 10;
  static final int PODS = 30;
  static final String HELD = friend(5);

  /** Kubeconfigs and other files the tests write. */
  @TempDir static Path files;

  @BeforeEach
  void setUp() {
    for (int i = 0; i < FRIENDS; i++) {
      admin.resource(Foo.of(ns.name(), String.format("foo-%02d", i), friend(i))).create();
    }
    for (int i = 0; i < PODS; i++) {
      if (!friend(i).equals(HELD)) {
        admin.resource(TestPods.pod(ns.name(), friend(i))).create();
      }
    }
    Cluster.terminatingPod(admin, ns.name(), HELD);
  }

  /** Lets the held Pod go, so its namespace can be deleted; a set-up that failed made none. */
  @AfterEach
  void release() {
    if (admin.pods().inNamespace(ns.name()).withName(HELD).get() != null) {
      TestPods.release(admin, ns.name(), HELD);
    }
  }

  @Test
  void whenANamespaceHasManyFriends_eachShowsItsPodAsKubectlGetPodsDoes() {
    Result friends = kubectl.run("foo", "friends", "-n", ns.name(), "-o", "json");

    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(states(friends))
        .isEqualTo(expectedFromKubectl())
        .containsEntry(HELD, "Terminating")
        .containsEntry(friend(0), "Pending")
        .containsEntry(friend(PODS), "Missing");
  }

  @Test
  void aUserWhoMayGetButNotListPods_seesTheSameStates() {
    Result friends = as("getter", rule("foos", "list"), rule("pods", "get"));

    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(friends.err()).isEmpty();
    assertThat(states(friends)).isEqualTo(expectedFromKubectl());
  }

  @Test
  void aUserWhoMayListButNotGetPods_seesTheSameStates() {
    Result friends = as("lister", rule("foos", "list"), rule("pods", "list"));

    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(friends.err()).isEmpty();
    assertThat(states(friends)).isEqualTo(expectedFromKubectl());
  }

  @Test
  void aUserWhoMayNeitherGetNorListPods_seesEveryFriendForbidden_andIsToldWhatToAskFor() {
    Result friends = as("foo-reader", rule("foos", "list"));

    assertThat(friends.exitCode()).as(friends.toString()).isZero();
    assertThat(states(friends))
        .hasSize(FRIENDS)
        .allSatisfy((friend, state) -> assertThat(state).isEqualTo("Forbidden"));
    assertThat(friends.err())
        .isEqualTo(
            "warning: not allowed to get pods in namespace "
                + ns.name()
                + "; their state shows as Forbidden (ask for get on pods there)\n");
  }

  private Result as(String user, PolicyRule... rules) {
    String token = Cluster.tokenFor(admin, ns.name(), user, List.of(rules));
    return kubectl
        .withKubeconfig(
            Kubectl.kubeconfigWithToken(cp, files.resolve(user + "-" + ns.name()), token, null))
        .run("foo", "friends", "-n", ns.name(), "-o", "json");
  }

  private static PolicyRule rule(String resource, String verb) {
    return new PolicyRuleBuilder()
        .withApiGroups("", "tutorial.my.domain")
        .withResources(resource)
        .withVerbs(verb)
        .build();
  }

  /** Each friend's state in {@code friends -o json}. */
  private static Map<String, String> states(Result friends) {
    Map<String, String> states = new TreeMap<>();
    friends
        .json()
        .get("items")
        .forEach(i -> states.put(i.get("friend").asText(), i.get("pod").asText()));
    return states;
  }

  /**
   * Each friend's state as {@code kubectl get pods -o json} shows its Pod: Terminating once
   * deleted, else its phase; Missing when kubectl lists no Pod of its name.
   */
  private Map<String, String> expectedFromKubectl() {
    Result pods = kubectl.run("get", "pods", "-n", ns.name(), "-o", "json");
    assertThat(pods.exitCode()).as(pods.toString()).isZero();
    Map<String, String> shown = new TreeMap<>();
    pods.json()
        .get("items")
        .forEach(
            p ->
                shown.put(
                    p.at("/metadata/name").asText(),
                    p.at("/metadata/deletionTimestamp").isMissingNode()
                        ? p.at("/status/phase").asText()
                        : "Terminating"));
    Map<String, String> expected = new TreeMap<>();
    for (int i = 0; i < FRIENDS; i++) {
      expected.put(friend(i), shown.getOrDefault(friend(i), "Missing"));
    }
    return expected;
  }

  private static String friend(int i) {
    return String.format("p-%02d", i);
  }
}
