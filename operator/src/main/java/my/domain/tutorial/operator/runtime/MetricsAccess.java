package my.domain.tutorial.operator.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.operator.runtime.HttpEndpoints.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read {@code /metrics}, decided as kubebuilder v4 operators (controller-runtime's {@code
 * WithAuthenticationAndAuthorization}) decide it: the request's bearer token is authenticated by
 * the API server (a TokenReview), and the user it names must be allowed {@code get} on the
 * non-resource URL {@code /metrics} (a SubjectAccessReview), which the {@code metrics-reader}
 * ClusterRole grants. No token or a rejected one is answered 401, a user without that permission
 * 403. The token itself is never logged.
 */
public final class MetricsAccess implements HttpEndpoints.Guard {
  private static final Logger log = LoggerFactory.getLogger(MetricsAccess.class);
  public static final String PATH = "/metrics";

  /** A user as the API server authenticated them. */
  public record User(
      String name, String uid, List<String> groups, Map<String, List<String>> extra) {}

  /** The two questions asked of the API server. */
  public interface Reviews {
    /** The user the token belongs to, or empty if the API server does not accept it. */
    Optional<User> authenticate(String token);

    /** Whether {@code user} may {@code verb} the non-resource URL {@code path}. */
    boolean allowed(User user, String verb, String path);
  }

  private final Reviews reviews;

  public MetricsAccess(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public Optional<Reply> apply(Optional<String> authorization) {
    Optional<String> token = authorization.flatMap(MetricsAccess::bearerToken);
    if (token.isEmpty()) {
      return Optional.of(Reply.text(401, "Unauthorized: send a bearer token\n"));
    }
    try {
      Optional<User> user = reviews.authenticate(token.get());
      if (user.isEmpty()) {
        return Optional.of(Reply.text(401, "Unauthorized: the token was not accepted\n"));
      }
      if (!reviews.allowed(user.get(), "get", PATH)) {
        log.debug("{} may not get {}: refused", user.get().name(), PATH);
        return Optional.of(
            Reply.text(
                403,
                "Forbidden: user \""
                    + user.get().name()
                    + "\" may not get "
                    + PATH
                    + " (bind it to the metrics-reader ClusterRole)\n"));
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      log.warn("cannot check access to {}: {}", PATH, e.getMessage());
      return Optional.of(
          Reply.text(503, "cannot check access: the API server could not review the request\n"));
    }
  }

  /** The token of an {@code Authorization: Bearer <token>} header. */
  static Optional<String> bearerToken(String header) {
    String[] parts = header.strip().split("\\s+", 2);
    return parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("bearer")
        ? Optional.of(parts[1].strip()).filter(t -> !t.isEmpty())
        : Optional.empty();
  }
}
