package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * client-go's retry of a throttled request: a 429 (API Priority and Fairness, or max in-flight) or
 * a 5xx that carries {@code Retry-After: SECONDS} is sent again after that many seconds, at most
 * {@link #MAX_RETRIES} times; without the header it is not retried. Anything else fabric8 would
 * retry (its own backoff is off: a CLI answers at once when a cluster is down) is not.
 */
public final class RetryAfter implements Interceptor {
  /** client-go's default (rest.Request maxRetries). */
  public static final int MAX_RETRIES = 10;

  /** One wait is never longer than this, whatever the server asks. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private RetryAfter() {}

  /** How long to wait before sending again, or empty when this answer is final. Pure. */
  public static Optional<Duration> delay(int code, String retryAfterHeader) {
    if (code != 429 && code < 500) {
      return Optional.empty();
    }
    if (retryAfterHeader == null || !retryAfterHeader.trim().matches("\\d{1,9}")) {
      return Optional.empty();
    }
    Duration wait = Duration.ofSeconds(Long.parseLong(retryAfterHeader.trim()));
    return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
  }

  /**
   * Adds the retries to a client being built. fabric8 gives each interceptor one chance to send a
   * failed request again, each seeing the answer to the previous try: {@link #MAX_RETRIES}
   * interceptors make that many retries.
   */
  public static void install(HttpClient.Builder builder) {
    for (int i = 1; i <= MAX_RETRIES; i++) {
      builder.addOrReplaceInterceptor("RETRY_AFTER_" + i, new RetryAfter());
    }
  }

  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    return delay(response.code(), response.header("Retry-After"))
        .map(
            wait ->
                CompletableFuture.supplyAsync(
                    () -> Boolean.TRUE,
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)))
        .orElseGet(() -> CompletableFuture.completedFuture(Boolean.FALSE));
  }
}
