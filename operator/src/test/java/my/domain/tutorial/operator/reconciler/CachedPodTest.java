package my.domain.tutorial.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.friendship.FriendPod;
import my.domain.tutorial.operator.MockCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachedPodTest {
  private final Pod running =
      MockCluster.runningPod("team-a", "jack", "0f8fad5b-d9cb-469f-a165-70867728950e", "48213");

  private static Pod cached(Pod pod) {
    return CachedPod.of(pod).toPod();
  }

  @Test
  void cachedPod_keepsWhatTellsAForceDeleteFromAHeldOne() {
    Pod held = MockCluster.heldAfterForceDelete(running);

    Pod kept = cached(held);

    assertThat(kept.getMetadata().getDeletionGracePeriodSeconds()).isZero();
    assertThat(kept.getMetadata().getFinalizers()).containsExactly("example.com/hold");
    assertThat(FriendPod.deletionComplete(kept)).isFalse();
  }

  @Test
  void cachedPod_keepsOnlyIdentityAndDeletionMark() {
    Pod terminating = MockCluster.terminating(running);

    Pod kept = cached(terminating);

    assertThat(kept.getMetadata().getName()).isEqualTo("jack");
    assertThat(kept.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(kept.getMetadata().getUid()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("48213");
    assertThat(kept.getMetadata().getDeletionTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(kept.getMetadata().getLabels()).isEmpty();
    assertThat(kept.getMetadata().getAnnotations()).isEmpty();
    assertThat(kept.getSpec()).isNull();
    assertThat(kept.getStatus()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void cachedPod_holdsOnlyIdentityAndDeletionMark_asTheApiServerWouldSerializeIt() {
    Pod held =
        new PodBuilder(running)
            .editMetadata()
            .withFinalizers("example.com/hold")
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .withDeletionGracePeriodSeconds(30L)
            .addNewOwnerReference()
            .withName("rs")
            .endOwnerReference()
            .endMetadata()
            .build();

    Map<String, Object> json =
        Serialization.unmarshal(Serialization.asJson(cached(held)), Map.class);

    assertThat(json).containsOnlyKeys("apiVersion", "kind", "metadata");
    assertThat(json).containsEntry("apiVersion", "v1").containsEntry("kind", "Pod");
    assertThat((Map<String, Object>) json.get("metadata"))
        .containsOnly(
            Map.entry("name", "jack"),
            Map.entry("namespace", "team-a"),
            Map.entry("uid", "0f8fad5b-d9cb-469f-a165-70867728950e"),
            Map.entry("resourceVersion", "48213"),
            Map.entry("deletionTimestamp", "2026-01-01T00:00:00Z"),
            Map.entry("deletionGracePeriodSeconds", 30),
            Map.entry("finalizers", List.of("example.com/hold")));
  }

  @Test
  void cachedPods_ofOneNamespace_shareTheNamespaceString_andVerdictsAreUnchanged() {
    Pod other = new PodBuilder(running).editMetadata().withName("jill").endMetadata().build();
    other.getMetadata().setNamespace(new String("team-a".toCharArray()));

    Pod a = cached(running);
    Pod b = cached(other);

    assertThat(a.getMetadata().getNamespace()).isSameAs(b.getMetadata().getNamespace());
    assertThat(FriendPod.of(a)).isEqualTo(FriendPod.of(running));
  }

  /** Uids and resourceVersions are opaque to clients: any text comes back exactly as it was. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "u1",
        "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "0f8fad5b-d9cb-469f-a165-70867728950",
        "0f8fad5b-d9cb-469f-a165-70867728950e-1",
        "0f8fad5bd9cb469fa16570867728950e0000",
        "",
        "007",
        "0",
        "-7",
        "7a",
        "123456789012345678901234567890",
        "9223372036854775807"
      })
  void uidsAndResourceVersionsOfAnyForm_comeBackUnchanged(String text) {
    Pod pod =
        new PodBuilder(running)
            .editMetadata()
            .withUid(text)
            .withResourceVersion(text)
            .endMetadata()
            .build();

    Pod kept = cached(pod);

    assertThat(kept.getMetadata().getUid()).isEqualTo(text);
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo(text);
  }

  @Test
  void aPodWithoutUidOrResourceVersion_comesBackWithoutThem() {
    Pod bare = MockCluster.pod("team-a", "jack");
    bare.getMetadata().setUid(null);
    bare.getMetadata().setResourceVersion(null);

    Pod kept = cached(bare);

    assertThat(kept.getMetadata().getUid()).isNull();
    assertThat(kept.getMetadata().getResourceVersion()).isNull();
  }

  @Test
  void theApiServersUidAndResourceVersion_areHeldAsNumbers() {
    assertThat(Packing.uuid("0f8fad5b-d9cb-469f-a165-70867728950e")).isNotNull();
    assertThat(Packing.uuid("0F8FAD5B-D9CB-469F-A165-70867728950E")).isNull();
    assertThat(Packing.decimal("48213")).isEqualTo(48213L);
    assertThat(Packing.decimal("048213")).isEqualTo(-1L);
  }
}
