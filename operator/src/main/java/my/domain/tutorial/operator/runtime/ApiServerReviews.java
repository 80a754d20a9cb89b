package my.domain.tutorial.operator.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TokenReview and SubjectAccessReview through fabric8's generic resources: their typed models sit
 * in a fabric8 model group the operator leaves off its classpath (each group on it costs start-up
 * time and memory; see docs/footprint.md).
 */
public final class ApiServerReviews implements MetricsAccess.Reviews {
  private static final ResourceDefinitionContext TOKEN_REVIEWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("authentication.k8s.io")
          .withVersion("v1")
          .withKind("TokenReview")
          .withPlural("tokenreviews")
          .withNamespaced(false)
          .build();
  private static final ResourceDefinitionContext ACCESS_REVIEWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("authorization.k8s.io")
          .withVersion("v1")
          .withKind("SubjectAccessReview")
          .withPlural("subjectaccessreviews")
          .withNamespaced(false)
          .build();

  private final KubernetesClient client;

  public ApiServerReviews(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<MetricsAccess.User> authenticate(String token) {
    Map<String, Object> status =
        status(create(TOKEN_REVIEWS, "authentication.k8s.io/v1", Map.of("token", token)));
    if (!Boolean.TRUE.equals(status.get("authenticated"))) {
      return Optional.empty();
    }
    Map<String, Object> user = map(status.get("user"));
    return Optional.of(
        new MetricsAccess.User(
            (String) user.getOrDefault("username", ""),
            (String) user.getOrDefault("uid", ""),
            strings(user.get("groups")),
            extra(user.get("extra"))));
  }

  @Override
  public boolean allowed(MetricsAccess.User user, String verb, String path) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("user", user.name());
    spec.put("uid", user.uid());
    spec.put("groups", user.groups());
    spec.put("extra", user.extra());
    spec.put("nonResourceAttributes", Map.of("path", path, "verb", verb));
    return Boolean.TRUE.equals(
        status(create(ACCESS_REVIEWS, "authorization.k8s.io/v1", spec)).get("allowed"));
  }

  private GenericKubernetesResource create(
      ResourceDefinitionContext context, String apiVersion, Map<String, Object> spec) {
    GenericKubernetesResource review =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(apiVersion)
            .withKind(context.getKind())
            .withNewMetadata()
            .endMetadata()
            .build();
    review.setAdditionalProperty("spec", spec);
    return client.genericKubernetesResources(context).resource(review).create();
  }

  private static Map<String, Object> status(GenericKubernetesResource answer) {
    return map(answer.getAdditionalProperties().get("status"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private static Map<String, List<String>> extra(Object value) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    map(value).forEach((k, v) -> extra.put(k, strings(v)));
    return extra;
  }
}
