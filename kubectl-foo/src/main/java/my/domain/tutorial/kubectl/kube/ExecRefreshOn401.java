package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;

/**
 * As client-go: when the API server rejects an exec plugin's token (401) before the credential says
 * it expires (revoked, or a clock that differs), the plugin runs again and the request is sent once
 * more with the new token. fabric8's own retry on a 401 only asks the token provider, which would
 * answer with the same cached token.
 */
final class ExecRefreshOn401 implements Interceptor {
  static final String NAME = "EXEC_REFRESH_ON_401";

  private final ExecPlugin plugin;

  ExecRefreshOn401(ExecPlugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    if (response.code() != 401) {
      return CompletableFuture.completedFuture(false);
    }
    String token = plugin.refresh().token().orElse(null);
    if (token == null) {
      return CompletableFuture.completedFuture(false);
    }
    builder.setHeader("Authorization", "Bearer " + token);
    return CompletableFuture.completedFuture(true);
  }
}
