package my.domain.tutorial.kubectl.why;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import my.domain.tutorial.api.friendship.FriendPod;
import org.junit.jupiter.api.Test;

class ListedPodsTest {
  private static Pod whole(String deletionTimestamp) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web-7d9f-abcde")
        .withNamespace("team-a")
        .withUid("0b7c1e5e-4a8e-4a55-9d39-1f1b0c3f7d10")
        .withResourceVersion("4711")
        .withLabels(Map.of("app", "web"))
        .withAnnotations(Map.of("note", "x".repeat(2_000)))
        .withDeletionTimestamp(deletionTimestamp)
        .withDeletionGracePeriodSeconds(deletionTimestamp == null ? null : 30L)
        .withFinalizers(deletionTimestamp == null ? null : "example.com/keep")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("web-7d9f")
        .withUid("9a4e")
        .withController(true)
        .withBlockOwnerDeletion(true)
        .endOwnerReference()
        .addNewManagedField()
        .withManager("kube-controller-manager")
        .withOperation("Update")
        .endManagedField()
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("nginx")
        .endContainer()
        .withNodeName("node-1")
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP("10.0.0.7")
        .endStatus()
        .build();
  }

  @Test
  void aListedPodKeepsItsNameNamespaceDeletionAndOwnersOnly() {
    Pod kept = ListedPods.kept(whole("2026-12-06T12:00:00Z"));

    assertThat(Serialization.asJson(kept))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{"
                + "\"deletionGracePeriodSeconds\":30,"
                + "\"deletionTimestamp\":\"2026-12-06T12:00:00Z\","
                + "\"finalizers\":[\"example.com/keep\"],"
                + "\"name\":\"web-7d9f-abcde\",\"namespace\":\"team-a\","
                + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
                + "\"controller\":true,\"name\":\"web-7d9f\"}]}}");
  }

  @Test
  void whatTheRulesReadOfAListedPodIsWhatTheyReadOfTheWholeOne() {
    for (String deletion : new String[] {null, "2026-12-06T12:00:00Z"}) {
      Pod whole = whole(deletion);
      Pod kept = ListedPods.kept(whole);

      assertThat(FriendPod.of(kept)).isEqualTo(FriendPod.of(whole));
      assertThat(FriendPod.deletionComplete(kept)).isEqualTo(FriendPod.deletionComplete(whole));
      assertThat(Facts.PodSummary.of(kept)).isEqualTo(Facts.PodSummary.of(whole));
    }
  }
}
