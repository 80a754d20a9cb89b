package my.domain.tutorial.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ClusterResources;

/**
 * A client of the operator's {@code /metrics} as Prometheus is one: a ServiceAccount with a token,
 * bound (or not) to the shipped metrics-reader ClusterRole.
 */
public final class MetricsScraper {
  public static final String READER_ROLE_MANIFEST = "metrics_reader_cluster_role.yaml";

  /** Allowed to read {@code /metrics}: bound to the shipped metrics-reader ClusterRole. */
  public static final String READER = "foo-metrics-scraper";

  /** Authenticated, but bound to nothing. */
  public static final String STRANGER = "foo-metrics-stranger";

  private MetricsScraper() {}

  /**
   * A token of {@link #READER}, once the API server's authorizer lets it get {@code /metrics}. The
   * ServiceAccount, the shipped ClusterRole and the binding are applied (idempotently) and stay.
   */
  public static String readerToken(KubernetesClient admin) {
    String ns = OperatorDefaults.NAMESPACE;
    HasMetadata role =
        ClusterResources.load(OperatorDefaults.MANIFESTS + READER_ROLE_MANIFEST, HasMetadata.class);
    admin.resource(role).forceConflicts().serverSideApply();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(READER)
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "ClusterRole", role.getMetadata().getName())
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(READER)
                .withNamespace(ns)
                .endSubject()
                .build())
        .forceConflicts()
        .serverSideApply();
    String token = token(admin, READER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .authorization()
                    .v1()
                    .subjectAccessReview()
                    .create(
                        new SubjectAccessReviewBuilder()
                            .withNewSpec()
                            .withUser("system:serviceaccount:" + ns + ":" + READER)
                            .withGroups(List.of("system:serviceaccounts", "system:authenticated"))
                            .withNewNonResourceAttributes("/metrics", "get")
                            .endSpec()
                            .build())
                    .getStatus()
                    .getAllowed());
    return token;
  }

  /** A token of {@link #STRANGER}, which nothing grants {@code /metrics}. */
  public static String strangerToken(KubernetesClient admin) {
    return token(admin, STRANGER);
  }

  private static String token(KubernetesClient admin, String serviceAccount) {
    String ns = OperatorDefaults.NAMESPACE;
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .withNamespace(ns)
                .endMetadata()
                .build())
        .forceConflicts()
        .serverSideApply();
    return admin
        .serviceAccounts()
        .inNamespace(ns)
        .withName(serviceAccount)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }
}
