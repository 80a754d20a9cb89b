package my.domain.tutorial.kubectl.kube;

import io.fabric8.kubernetes.api.model.AuthProviderConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * A kubeconfig user's {@code oidc} auth-provider, used as client-go uses it: the {@code id-token}
 * while it is valid (by its {@code exp}, {@link IdTokens}), else a new one from the issuer with the
 * {@code refresh-token}, before any request is sent. The issuer's discovery document, the {@code
 * refresh_token} grant and writing the new tokens back to the kubeconfig file the user came from
 * are fabric8's ({@link OpenIDConnectionUtils}). What fabric8 alone gets wrong, and this class
 * adds: fabric8 sends the expired id-token first and refreshes only on the 401; it swallows a
 * failed refresh (a warning, shown with {@code -v}) and sends the expired token again, where
 * kubectl fails naming the step; it reads a JWT's payload with the wrong base64 alphabet; it
 * ignores {@code idp-certificate-authority} (the file); and when the issuer does not rotate the
 * refresh token it writes {@code refresh-token: null} to the kubeconfig, where client-go keeps the
 * old one.
 *
 * <p>Every failure is exit 4 and names the step.
 */
final class OidcToken implements OAuthTokenProvider {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ID_TOKEN = "id-token";
  private static final String REFRESH_TOKEN = "refresh-token";
  private static final String ISSUER = "idp-issuer-url";
  private static final String CA_FILE = "idp-certificate-authority";
  private static final String CA_DATA = "idp-certificate-authority-data";

  private final Config config;
  private final String userName;
  private final Clock clock;

  /**
   * @param config the client's configuration, which fabric8 fills from the kubeconfig (its
   *     auth-provider and the file the user came from) before the first token is asked for
   */
  OidcToken(Config config, String userName, Clock clock) {
    this.config = config;
    this.userName = userName;
    this.clock = clock;
  }

  @Override
  public synchronized String getToken() {
    Map<String, String> provider =
        Optional.ofNullable(config.getAuthProvider())
            .map(AuthProviderConfig::getConfig)
            .orElseGet(HashMap::new);
    for (String required : new String[] {ISSUER, "client-id"}) {
      if (!present(provider.get(required))) {
        throw failure("its oidc auth-provider has no " + required + "; fix the kubeconfig");
      }
    }
    String idToken = provider.get(ID_TOKEN);
    if (present(idToken)) {
      try {
        if (IdTokens.validAt(idToken, clock.instant())) {
          return idToken;
        }
      } catch (IdTokens.Invalid e) {
        throw failure("its id-token cannot be used: " + e.getMessage());
      }
    }
    String refreshToken = provider.get(REFRESH_TOKEN);
    if (!present(refreshToken)) {
      throw failure(
          "it has no valid id-token and no refresh-token to get one; log in again with your"
              + " OIDC login tool");
    }
    return refresh(provider, idToken, refreshToken);
  }

  private String refresh(Map<String, String> provider, String idToken, String refreshToken) {
    String issuer = provider.get(ISSUER);
    Map<String, String> request = new HashMap<>(provider);
    if (!present(provider.get(CA_DATA)) && present(provider.get(CA_FILE))) {
      try {
        request.put(
            CA_DATA,
            Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(provider.get(CA_FILE)))));
      } catch (IOException e) {
        throw failure("cannot read its idp-certificate-authority: " + ApiErrors.oneLine(e));
      }
    }
    if (!present(request.get(CA_DATA))
        && !present(config.getCaCertData())
        && !present(config.getCaCertFile())) {
      // fabric8 builds the issuer's TLS trust from these and fails without any of them.
      throw failure(
          "cannot refresh its id-token: the plugin needs idp-certificate-authority(-data) or the"
              + " cluster's certificate-authority to trust the issuer "
              + issuer);
    }
    String refreshed;
    try {
      refreshed =
          OpenIDConnectionUtils.resolveOIDCTokenFromAuthConfig(
                  config,
                  request,
                  HttpClientUtils.getHttpClientFactory()
                      .newBuilder()
                      .connectTimeout(10, TimeUnit.SECONDS))
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw failure(
          "cannot refresh its id-token at the issuer " + issuer + ": " + ApiErrors.oneLine(e));
    } catch (TimeoutException e) {
      throw failure("the issuer " + issuer + " did not answer within " + TIMEOUT.toSeconds() + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted");
    } catch (RuntimeException e) {
      throw failure(
          "cannot refresh its id-token at the issuer " + issuer + ": " + ApiErrors.oneLine(e));
    }
    // fabric8 answers with the old token when the issuer refused or answered without an id_token
    // (it logs the issuer's answer as a warning: -v).
    if (!present(refreshed) || refreshed.equals(idToken)) {
      throw failure(
          "the issuer "
              + issuer
              + " gave no new id-token for its refresh-token (run with -v for its answer); log in"
              + " again with your OIDC login tool");
    }
    Map<String, String> now = config.getAuthProvider().getConfig();
    if (!present(now.get(REFRESH_TOKEN))) {
      // The issuer did not rotate it; fabric8 wrote null. Keep the one that still works.
      OpenIDConnectionUtils.OAuthToken kept = new OpenIDConnectionUtils.OAuthToken();
      kept.setIdToken(refreshed);
      kept.setRefreshToken(refreshToken);
      OpenIDConnectionUtils.persistOAuthToken(config, kept, null);
    }
    return refreshed;
  }

  private PluginException failure(String what) {
    return new PluginException(
        ExitCodes.CLUSTER_UNUSABLE,
        "cannot get credentials for user \""
            + userName
            + "\" from its oidc auth-provider: "
            + what);
  }

  private static boolean present(String s) {
    return s != null && !s.isEmpty();
  }
}
