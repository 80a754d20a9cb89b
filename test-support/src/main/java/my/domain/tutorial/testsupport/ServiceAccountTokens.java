package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Bearer tokens of ServiceAccounts, as the kubelet mounts them into Pods (TokenRequest, 1 h). */
public final class ServiceAccountTokens {
  private ServiceAccountTokens() {}

  /** A token of an existing ServiceAccount. */
  public static String mint(KubernetesClient admin, String namespace, String serviceAccount) {
    return admin
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(serviceAccount)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** Creates ServiceAccount {@code serviceAccount} (with no permissions) and mints its token. */
  public static String createAndMint(
      KubernetesClient admin, String namespace, String serviceAccount) {
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .create();
    return mint(admin, namespace, serviceAccount);
  }
}
