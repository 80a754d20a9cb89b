package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.client.OAuthTokenProvider;

/**
 * A token that never changes (a kubeconfig {@code token}, {@code --token}), or none (a user that
 * authenticates by certificate). Given to fabric8 as the token provider so that its refresh on a
 * 401 never re-reads the kubeconfig with its own rules (environment variables kubectl ignores).
 */
record FixedToken(String token) implements OAuthTokenProvider {
  @Override
  public String getToken() {
    return token;
  }
}
