package my.domain.tutorial.operator.election;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;

/** The two clients a replica with leader election needs besides the one it was given. */
public final class ElectionClients {
  private ElectionClients() {}

  /**
   * For the elector: like {@code client} (same server, credentials, impersonation), but each
   * request times out after {@code timeout} and is not retried, since the elector retries on its
   * own schedule. The caller closes it.
   */
  public static KubernetesClient forElector(KubernetesClient client, Duration timeout) {
    int millis = Math.toIntExact(timeout.toMillis());
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client.getConfiguration())
                .withRequestTimeout(millis)
                .withConnectionTimeout(millis)
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  /**
   * For the operator's writes (status, Events): {@code client} itself (its HTTP client,
   * interceptors and all), except that a failed request is not retried by the HTTP client. A retry
   * there would be sent later without passing the {@link LeaseFence} again; the reconcile is
   * retried instead, and its write passes the fence. It shares {@code client}'s resources: close
   * {@code client}, not this.
   */
  public static KubernetesClient forWrites(KubernetesClient client) {
    return client
        .newClient(
            new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0)
                .build())
        .adapt(KubernetesClient.class);
  }
}
