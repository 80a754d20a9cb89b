package my.domain.tutorial.kubectl.kube;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy kubectl takes from the environment when the cluster has no {@code proxy-url} (Go's
 * http.ProxyFromEnvironment): {@code HTTPS_PROXY} (or {@code https_proxy}) for an https server,
 * {@code HTTP_PROXY} (or {@code http_proxy}) for an http one, none for localhost and loopback
 * addresses or a host {@code NO_PROXY} (or {@code no_proxy}) names: {@code *}, a host, a domain
 * (with or without a leading dot: its subdomains too), an IP address, an optional {@code :port}. A
 * value without a scheme is an http:// proxy. Pure.
 */
public final class EnvProxy {
  private EnvProxy() {}

  public static Optional<String> forServer(String server, Map<String, String> env) {
    URI uri;
    try {
      uri = URI.create(server);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || host.equals("localhost") || loopback(host)) {
      return Optional.empty();
    }
    boolean https = !"http".equalsIgnoreCase(uri.getScheme());
    Optional<String> proxy =
        https ? any(env, "HTTPS_PROXY", "https_proxy") : any(env, "HTTP_PROXY", "http_proxy");
    if (proxy.isEmpty()) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    String noProxy = any(env, "NO_PROXY", "no_proxy").orElse("");
    for (String entry : noProxy.split(",")) {
      if (excludes(entry.trim().toLowerCase(Locale.ROOT), host, port)) {
        return Optional.empty();
      }
    }
    String p = proxy.get();
    return Optional.of(p.contains("://") ? p : "http://" + p);
  }

  static boolean excludes(String entry, String host, int port) {
    if (entry.isEmpty()) {
      return false;
    }
    if (entry.equals("*")) {
      return true;
    }
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d+")) {
      if (Integer.parseInt(entry.substring(colon + 1)) != port) {
        return false;
      }
      entry = entry.substring(0, colon);
    }
    String domain = entry.startsWith(".") ? entry.substring(1) : entry;
    return host.equals(domain) || host.endsWith("." + domain);
  }

  private static boolean loopback(String host) {
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static Optional<String> any(Map<String, String> env, String upper, String lower) {
    return Optional.ofNullable(env.get(upper))
        .filter(v -> !v.isEmpty())
        .or(() -> Optional.ofNullable(env.get(lower)).filter(v -> !v.isEmpty()));
  }
}
