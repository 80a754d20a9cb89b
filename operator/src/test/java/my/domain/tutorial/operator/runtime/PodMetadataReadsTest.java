package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SDK's client asks for Pods' metadata only, on every read of Pods and nothing else, and reads
 * what comes back as Pods. Whether a real API server answers so, watches included, is
 * PodMetadataReadsIT's.
 */
@EnableKubernetesMockClient(crud = true)
class PodMetadataReadsTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void aListOfPods_asksForAListOfMetadata_inOneNamespaceOrAll() {
    assertThat(accept("/api/v1/pods?limit=500")).contains(PodMetadataReads.LIST_MEDIA_TYPES);
    assertThat(accept("/api/v1/namespaces/team-a/pods?limit=500&resourceVersion=0"))
        .contains(PodMetadataReads.LIST_MEDIA_TYPES);
  }

  @Test
  void aWatchOfPodsAndAReadOfOnePod_askForMetadataObjects() {
    assertThat(accept("/api/v1/pods?allowWatchBookmarks=true&watch=true&resourceVersion=7"))
        .contains(PodMetadataReads.OBJECT_MEDIA_TYPES);
    assertThat(accept("/api/v1/namespaces/team-a/pods?watch=1"))
        .contains(PodMetadataReads.OBJECT_MEDIA_TYPES);
    assertThat(accept("/api/v1/namespaces/team-a/pods/jack"))
        .contains(PodMetadataReads.OBJECT_MEDIA_TYPES);
  }

  @Test
  void aServerBehindAPathPrefix_isAskedTheSame() {
    assertThat(
            PodMetadataReads.accept(
                "GET", URI.create("https://rancher.example/k8s/clusters/c-1/api/v1/pods?limit=5")))
        .contains(PodMetadataReads.LIST_MEDIA_TYPES);
  }

  @Test
  void everyOtherRequest_isLeftAlone() {
    assertThat(accept("/apis/tutorial.my.domain/v1/namespaces/team-a/foos")).isEmpty();
    assertThat(accept("/apis/example.com/v1/namespaces/team-a/pods")).isEmpty();
    assertThat(accept("/api/v1/namespaces/team-a/events")).isEmpty();
    assertThat(accept("/api/v1/namespaces/team-a/pods/jack/status")).isEmpty();
    assertThat(accept("/api/v1/namespaces/team-a/pods/jack/log")).isEmpty();
    assertThat(accept("/api/v1/namespaces")).isEmpty();
    assertThat(
            PodMetadataReads.accept(
                "POST", URI.create("https://k8s.example/api/v1/namespaces/team-a/pods")))
        .isEmpty();
  }

  @Test
  void theClientSendsIt_onListsAndGetsOfPods_andOnNothingElse() throws Exception {
    try (KubernetesClient reader = readerLike(client)) {
      reader.pods().inNamespace("team-a").list();
      assertThat(lastRequest().getHeader("Accept")).isEqualTo(PodMetadataReads.LIST_MEDIA_TYPES);

      reader.pods().inNamespace("team-a").withName("jack").get();
      assertThat(lastRequest().getHeader("Accept")).isEqualTo(PodMetadataReads.OBJECT_MEDIA_TYPES);

      reader.configMaps().inNamespace("team-a").list();
      assertThat(lastRequest().getHeader("Accept")).isNotEqualTo(PodMetadataReads.LIST_MEDIA_TYPES);
      reader
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withNamespace("team-a")
                  .withName("c")
                  .endMetadata()
                  .build())
          .create();
      assertThat(lastRequest().getHeader("Accept"))
          .isNotEqualTo(PodMetadataReads.OBJECT_MEDIA_TYPES);
    }
  }

  @Test
  void aWatchEventOfMetadata_readsAsAPodWithThatMetadata() {
    try (KubernetesClient reader = readerLike(client)) {
      WatchEvent event =
          reader
              .getKubernetesSerialization()
              .unmarshal(
                  """
                  {"type":"MODIFIED","object":{"kind":"PartialObjectMetadata",
                   "apiVersion":"meta.k8s.io/v1","metadata":{"name":"jack","namespace":"team-a",
                   "uid":"u-1","resourceVersion":"42","deletionTimestamp":"2026-12-07T08:00:00Z",
                   "deletionGracePeriodSeconds":30}}}
                  """,
                  WatchEvent.class);

      assertThat(event.getObject()).isInstanceOf(Pod.class);
      Pod pod = (Pod) event.getObject();
      assertThat(pod.getMetadata().getName()).isEqualTo("jack");
      assertThat(pod.getMetadata().getNamespace()).isEqualTo("team-a");
      assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("42");
      assertThat(pod.getMetadata().getDeletionTimestamp()).isEqualTo("2026-12-07T08:00:00Z");
      assertThat(pod.getSpec()).isNull();
    }
  }

  @Test
  void aListOfNoPods_whoseItemsTheServerSendsAsNull_readsAsAnEmptyList() {
    PodList none =
        new PodMetadataReads.Serialization(new ObjectMapper())
            .unmarshal(
                """
                {"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1",
                 "metadata":{"resourceVersion":"7"},"items":null}
                """,
                PodList.class);

    assertThat(none.getItems()).isEmpty();
    assertThat(none.getMetadata().getResourceVersion()).isEqualTo("7");
  }

  private static KubernetesClient readerLike(KubernetesClient client) {
    return PodMetadataReads.builder(new ObjectMapper(), http -> {})
        .withConfig(client.getConfiguration())
        .build();
  }

  private static java.util.Optional<String> accept(String pathAndQuery) {
    return PodMetadataReads.accept("GET", URI.create("https://k8s.example:6443" + pathAndQuery));
  }

  /** The newest request the mock server has seen, waiting for the first if none came yet. */
  private RecordedRequest lastRequest() throws InterruptedException {
    List<RecordedRequest> seen = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(seen.isEmpty() ? 5 : 0, TimeUnit.SECONDS)) != null) {
      seen.add(r);
    }
    assertThat(seen).isNotEmpty();
    return seen.get(seen.size() - 1);
  }
}
