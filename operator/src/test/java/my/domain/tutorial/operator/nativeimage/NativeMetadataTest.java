package my.domain.tutorial.operator.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.nativemetadata.JacksonRecorder;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.MockCluster;
import my.domain.tutorial.operator.runtime.ApiServerReviews;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import my.domain.tutorial.operator.runtime.PodMetadataReads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The native operator can only (de)serialize the classes its reflection metadata names. This test
 * does not trust the walk that writes the metadata: it runs the operator itself (leader election
 * on, reconciling Foos against Pods, writing status and Events, asking the /metrics guard's
 * TokenReview) against fabric8's mock API server with a client whose serialization (the operator's
 * own, which its reads share) records every class Jackson builds a (de)serializer for or
 * instantiates, adds the API server's answers the mock server does not give (a rich Pod list, a
 * Lease, a TokenReview's answer, a kubeconfig), and requires each recorded class of ours, fabric8's
 * or the SDK's to be in the metadata the build put in the jar.
 */
class NativeMetadataTest {
  private static final String NS = "team-a";

  @RegisterExtension final MockCluster cluster = MockCluster.withNamespaces(NS);

  private final JacksonRecorder recorder = new JacksonRecorder();
  private final KubernetesSerialization serialization =
      new PodMetadataReads.Serialization(recorder.mapper());

  @Test
  void everyClassJacksonTouchesWhileTheOperatorRuns_isInTheJarsMetadata() throws IOException {
    // The operator and this test's own requests go through the same recording serialization.
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(cluster.admin().getConfiguration())
            .withKubernetesSerialization(serialization)
            .build()) {
      FooOperator operator =
          cluster.startOperator(
              Map.of(
                  OperatorSettings.LEADER_ELECTION, "true",
                  OperatorSettings.OPERATOR_NAMESPACE, NS,
                  OperatorSettings.IDENTITY, "native-metadata-test"),
              b -> b.withKubernetesSerialization(serialization));
      await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.leads(operator));
      client.resource(Foo.of(NS, "foo-01", "jack")).create();
      cluster.awaitHappy(NS, "foo-01", false);
      client.resource(MockCluster.pod(NS, "jack")).create();
      cluster.awaitHappy(NS, "foo-01", true);
      client.pods().inNamespace(NS).withName("jack").delete();
      cluster.awaitHappy(NS, "foo-01", false);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> client.v1().events().inNamespace(NS).list().getItems().size() >= 2);

      // The /metrics guard's questions, written as the guard writes them; the mock server refuses
      // a TokenReview without a name (422), so its answer is a Status, and a real API server's
      // answer is read below.
      ApiServerReviews reviews = new ApiServerReviews(client);
      assertThatThrownBy(() -> reviews.authenticate("a-token"))
          .isInstanceOf(KubernetesClientException.class);
      operator.close();
    }
    // Answers of a real API server and a kubeconfig, beyond what the mock server sends.
    serialization.unmarshal(payload("pods.json"), PodList.class);
    serialization.unmarshal(payload("status.json"), Status.class);
    serialization.unmarshal(payload("lease.json"), Lease.class);
    serialization.unmarshal(payload("kubeconfig.yaml"), Config.class);
    serialization.unmarshal(
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\","
            + "\"status\":{\"authenticated\":true,\"user\":{\"username\":\"u\",\"uid\":\"1\","
            + "\"groups\":[\"g\"],\"extra\":{\"k\":[\"v\"]}}}}",
        GenericKubernetesResource.class);

    assertThat(recorder.classes())
        .as("the operator's own traffic went through the recorder")
        .contains(
            Foo.class.getName(),
            "io.fabric8.kubernetes.api.model.Pod",
            "io.fabric8.kubernetes.api.model.Event",
            "io.fabric8.kubernetes.api.model.GenericKubernetesResource",
            "io.fabric8.kubernetes.api.model.WatchEvent");
    assertThat(recorder.missingFrom(NativeMetadata.RESOURCE, NativeMetadata.PACKAGES)).isEmpty();
  }

  @Test
  void theSdksAnnotationDefaultsAreInTheJarsMetadata() throws IOException {
    // What the SDK instantiates when the reconciler leaves retry, rate limiting and filters unset.
    assertThat(JacksonRecorder.classesIn(NativeMetadata.RESOURCE))
        .contains(
            "io.javaoperatorsdk.operator.processing.retry.GenericRetry",
            "io.javaoperatorsdk.operator.processing.event.rate.LinearRateLimiter",
            "my.domain.tutorial.operator.reconciler.FooReconciler");
  }

  private static InputStream payload(String name) {
    InputStream in = NativeMetadataTest.class.getResourceAsStream("/payloads/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
