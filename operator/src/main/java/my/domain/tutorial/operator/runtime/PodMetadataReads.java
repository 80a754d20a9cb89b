package my.domain.tutorial.operator.runtime;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads of Pods that bring their metadata only. The operator decides from a Pod's namespace, name
 * and deletion state; its spec and status would be sent, parsed and collected for nothing, on a
 * large cluster for every Pod of the watched namespaces, friend or not. So the operator's client
 * ({@link #builder}) asks the API server for {@code PartialObjectMetadata} on every read of Pods
 * (list, watch, get), as client-go's metadata informers do, and takes each answer as a Pod with
 * only its metadata set (its {@code kind} says {@code PartialObjectMetadata}). Each Accept header
 * names plain JSON as well, so a server that cannot transform answers with whole Pods, read as
 * before. Nothing else this client reads or writes is touched.
 */
public final class PodMetadataReads {
  /** For a list of Pods. */
  static final String LIST_MEDIA_TYPES =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

  /** For one Pod, and for each Pod a watch brings. */
  static final String OBJECT_MEDIA_TYPES =
      "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

  /**
   * The core Pods collection or one Pod, all namespaces or one, under whatever path the server's
   * URL has (a proxy such as Rancher's puts the cluster's API under a prefix); not a subresource.
   */
  private static final Pattern PODS =
      Pattern.compile("(?:^|/)api/v1/(?:namespaces/[^/]+/)?pods(/[^/]+)?$");

  private static final String INTERCEPTOR = "pod-metadata-reads";

  private PodMetadataReads() {}

  /**
   * A builder of a client whose reads of Pods bring metadata only: its serialization is a {@link
   * Serialization} over {@code mapper} (which must not have been used yet), and its HTTP client
   * sets the Accept header; {@code http} adds whatever else that HTTP client needs (say a test's
   * interceptors), since a builder keeps one such consumer. One client for everything, so the
   * operator keeps one connection pool and one serializer rather than a second client for the reads
   * alone.
   */
  public static KubernetesClientBuilder builder(
      ObjectMapper mapper, Consumer<HttpClient.Builder> http) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(new Serialization(mapper))
        .withHttpClientBuilderConsumer(
            builder -> {
              builder.addOrReplaceInterceptor(
                  INTERCEPTOR,
                  new Interceptor() {
                    @Override
                    public void before(BasicBuilder request, HttpRequest sent, RequestTags tags) {
                      accept(sent.method(), sent.uri())
                          .ifPresent(types -> request.setHeader("Accept", types));
                    }
                  });
              http.accept(builder);
            });
  }

  /**
   * fabric8's serialization, able to read what a metadata read brings: a watch event's object, read
   * by its kind, is a Pod's metadata; and a list of none says {@code "items": null}, which
   * fabric8's informer cannot take, so it reads as an empty list.
   */
  public static final class Serialization extends KubernetesSerialization {
    /** Configures and keeps {@code mapper}, which must not have been used yet. */
    public Serialization(ObjectMapper mapper) {
      super(mapper.addMixIn(PodList.class, ItemsNeverNull.class), true);
      registerKubernetesResource("meta.k8s.io/v1", "PartialObjectMetadata", Pod.class);
    }
  }

  private abstract static class ItemsNeverNull {
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    abstract void setItems(List<Pod> items);
  }

  /** The media types to accept for a request, empty when it is not a read of Pods. */
  static Optional<String> accept(String method, URI uri) {
    if (!"GET".equalsIgnoreCase(method)) {
      return Optional.empty();
    }
    var pods = PODS.matcher(uri.getRawPath());
    if (!pods.find()) {
      return Optional.empty();
    }
    boolean collection = pods.group(1) == null;
    return Optional.of(collection && !watches(uri) ? LIST_MEDIA_TYPES : OBJECT_MEDIA_TYPES);
  }

  private static boolean watches(URI uri) {
    String query = uri.getRawQuery();
    return query != null
        && Arrays.stream(query.split("&"))
            .anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
  }
}
