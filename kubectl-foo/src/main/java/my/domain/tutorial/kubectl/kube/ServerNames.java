package my.domain.tutorial.kubectl.kube;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a server certificate names a host, by the rules Go's crypto/x509 (and so kubectl)
 * applies: the subject alternative names only (never the common name); an IP address matches an IP
 * SAN; a DNS name matches a DNS SAN exactly or through a wildcard that stands for the whole
 * left-most label. Needed for {@code tls-server-name}, where the name to check is not the host the
 * plugin connects to, and the JDK's own check (internal) can only check that host. Pure.
 */
public final class ServerNames {
  private ServerNames() {}

  private static final int DNS = 2;
  private static final int IP = 7;

  public static boolean matches(X509Certificate cert, String name) {
    String host = name.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    boolean ip = isIpLiteral(host);
    for (List<?> san : sans(cert)) {
      int type = (Integer) san.get(0);
      String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
      if (ip && type == IP && sameAddress(value, host)) {
        return true;
      }
      if (!ip && type == DNS && dnsMatches(value, host)) {
        return true;
      }
    }
    return false;
  }

  static boolean dnsMatches(String pattern, String host) {
    if (pattern.endsWith(".")) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (pattern.equals(host)) {
      return true;
    }
    if (!pattern.startsWith("*.")) {
      return false;
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(pattern.substring(1));
  }

  private static Collection<List<?>> sans(X509Certificate cert) {
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      return sans == null ? List.of() : new ArrayList<>(sans);
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
