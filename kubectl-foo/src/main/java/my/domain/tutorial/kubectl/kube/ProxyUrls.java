package my.domain.tutorial.kubectl.kube;

import java.net.URI;
import java.util.Locale;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * A cluster's {@code proxy-url}, checked before the client is built: the plugin's HTTP client (the
 * JDK's, through fabric8) reaches an API server through an {@code http://} proxy (CONNECT for
 * https), and an {@code https://} one through {@link TlsProxyRelay}; a {@code socks5://} proxy,
 * which kubectl also supports, it cannot use (the JDK client has no SOCKS support), so that is a
 * clear exit 4 instead of a connection that silently goes elsewhere. Pure.
 */
public final class ProxyUrls {
  private ProxyUrls() {}

  /** Whether the (checked) proxy URL is an https:// one. */
  static boolean isHttps(String proxyUrl) {
    return proxyUrl.regionMatches(true, 0, "https://", 0, 8);
  }

  public static void require(String proxyUrl, String clusterName) {
    if (proxyUrl == null || proxyUrl.isEmpty()) {
      return;
    }
    String scheme;
    try {
      URI uri = new URI(proxyUrl);
      scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
    } catch (Exception e) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "the proxy-url \""
              + proxyUrl
              + "\" of cluster \""
              + clusterName
              + "\" is not a URL; fix the kubeconfig");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new PluginException(
          ExitCodes.CLUSTER_UNUSABLE,
          "the proxy-url \""
              + proxyUrl
              + "\" of cluster \""
              + clusterName
              + "\" is a "
              + scheme
              + " proxy, which kubectl-foo cannot use (its HTTP client, the JDK's, has no SOCKS"
              + " support); use kubectl for this cluster, or an http:// or https:// proxy");
    }
  }
}
