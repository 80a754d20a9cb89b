package my.domain.tutorial.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCondition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's status write under an optimistic-lock conflict. A competing spec edit is made
 * right before the operator's first status PUT leaves its client, so that PUT carries a stale
 * resourceVersion every time, not by chance. kube-apiserver answers such a PUT with 409; the mock
 * server's CRUD mode does not check the resourceVersion of a status PUT, so an expectation answers
 * that one PUT with 409 (and the test checks it was stale). Every other request is CRUD.
 */
class StatusConflictMockServerTest {
  private static final String NS = "team-a";
  private static final String STATUS_PATH = "/apis/tutorial.my.domain/v1/namespaces/team-a/foos/";

  @RegisterExtension final MockCluster cluster = MockCluster.withNamespaces(NS);
  private KubernetesClient client;

  /** What the competing edit left stored: the resourceVersion the retry has to carry. */
  private final AtomicReference<Foo> competingEdit = new AtomicReference<>();

  /** The status PUTs of foo-01 as the operator's client sent them, and the code of each answer. */
  private final List<Put> statusPuts = new CopyOnWriteArrayList<>();

  private record Put(Foo body, int code) {}

  @BeforeEach
  void startOperator() {
    client = cluster.admin();
    // The competing writer runs on the operator's own thread, between its decision and its PUT:
    // the operator's cache cannot have seen the edit yet.
    Interceptor competingWriter =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (request.method().equals("PUT")
                && request.uri().getPath().equals(STATUS_PATH + "foo-01/status")
                && competingEdit.get() == null) {
              competingEdit.set(cluster.renameFriend(NS, "foo-01", "jill"));
            }
          }

          @Override
          public void after(
              HttpRequest request,
              HttpResponse<?> response,
              AsyncBody.Consumer<List<ByteBuffer>> consumer) {
            if (request.method().equals("PUT")
                && request.uri().getPath().equals(STATUS_PATH + "foo-01/status")) {
              statusPuts.add(
                  new Put(
                      Serialization.unmarshal(request.bodyString(), Foo.class), response.code()));
            }
          }
        };
    cluster.startOperator(
        Map.of(),
        b ->
            b.withHttpClientBuilderConsumer(
                h -> h.addOrReplaceInterceptor("race", competingWriter)));
  }

  @Test
  void whenTheSpecChangesUnderAStatusWrite_the409IsRetriedWithTheFreshFoosVersionAndStatus() {
    cluster.createPod(NS, "jill");
    cluster
        .server()
        .expect()
        .put()
        .withPath(STATUS_PATH + "foo-01/status")
        .andReturn(
            409,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Conflict")
                .withCode(409)
                .withMessage(
                    "Operation cannot be fulfilled on foos.tutorial.my.domain \"foo-01\": the"
                        + " object has been modified; please apply your changes to the latest"
                        + " version and try again")
                .build())
        .once();

    client.resource(Foo.of(NS, "foo-01", "jack")).create();

    Foo happy = cluster.awaitHappy(NS, "foo-01", true);
    Foo edit = competingEdit.get();
    assertThat(edit.getMetadata().getGeneration()).isEqualTo(2);
    assertThat(happy.getStatus().getObservedGeneration()).isEqualTo(2);

    assertThat(statusPuts).as("status PUTs of foo-01").hasSizeGreaterThanOrEqualTo(2);
    Put rejected = statusPuts.get(0);
    Put retried = statusPuts.get(1);
    // The first PUT carried the version the operator had read, older than the competing edit.
    assertThat(rejected.code()).isEqualTo(409);
    assertThat(rejected.body().getMetadata().getResourceVersion())
        .isNotNull()
        .isNotEqualTo(edit.getMetadata().getResourceVersion());
    assertThat(rejected.body().getStatus().getObservedGeneration()).isEqualTo(1);
    // The retry carries the competing edit's version, and a status computed from that Foo: the
    // friend it names now and its generation, not the first attempt's status sent again.
    assertThat(retried.code()).isEqualTo(200);
    assertThat(retried.body().getMetadata().getResourceVersion())
        .isEqualTo(edit.getMetadata().getResourceVersion());
    assertThat(retried.body().getSpec().getName()).isEqualTo("jill");
    assertThat(retried.body().getStatus().getHappy()).isTrue();
    assertThat(retried.body().getStatus().getObservedGeneration()).isEqualTo(2);
    assertThat(retried.body().getStatus().condition(FooCondition.HAPPY).orElseThrow().getReason())
        .isEqualTo("FriendFound");
    // Only the written status's transition is recorded: no FriendNotFound from the rejected one.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().inNamespace(NS).list().getItems())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getReason()).isEqualTo("FriendFound")));
  }
}
