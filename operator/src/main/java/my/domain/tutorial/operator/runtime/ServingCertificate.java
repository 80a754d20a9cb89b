package my.domain.tutorial.operator.runtime;

import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS context {@code /metrics} is served with: the certificate and key mounted in a directory
 * ({@code tls.crt}, {@code tls.key}: a {@code kubernetes.io/tls} Secret, from cert-manager or
 * OpenShift's service CA), or else a self-signed one made at start (as controller-runtime does).
 */
public final class ServingCertificate {
  private static final char[] NO_PASSWORD = new char[0];

  private ServingCertificate() {}

  public static SSLContext tls(Optional<Path> certDir) {
    try {
      KeyStore store = certDir.isPresent() ? mounted(certDir.get()) : selfSigned();
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      return tls;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot set up the metrics serving certificate"
              + certDir.map(d -> " from " + d).orElse("")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static KeyStore selfSigned() throws GeneralSecurityException, IOException {
    SelfSignedCertificate made =
        SelfSignedCertificate.generate(
            "foo-operator", List.of("localhost"), Instant.now(), Duration.ofDays(365));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "metrics", made.keys().getPrivate(), NO_PASSWORD, new Certificate[] {made.certificate()});
    return store;
  }

  /** Reads a PEM certificate (chain) and its RSA or EC key (PKCS#1, SEC 1 or PKCS#8). */
  private static KeyStore mounted(Path dir) throws GeneralSecurityException, IOException {
    String key = Files.readString(dir.resolve("tls.key"));
    List<String> algorithms =
        key.contains("BEGIN EC PRIVATE KEY")
            ? List.of("EC")
            : key.contains("BEGIN RSA PRIVATE KEY") ? List.of("RSA") : List.of("RSA", "EC");
    Exception last = null;
    for (String algorithm : algorithms) {
      try (InputStream cert = Files.newInputStream(dir.resolve("tls.crt"));
          InputStream keyIn = Files.newInputStream(dir.resolve("tls.key"))) {
        return CertUtils.createKeyStore(cert, keyIn, algorithm, NO_PASSWORD, null, NO_PASSWORD);
      } catch (GeneralSecurityException | IOException | RuntimeException e) {
        // A PKCS#8 key does not say its algorithm: the wrong guess fails to parse; try the next.
        last = e;
      }
    }
    throw new GeneralSecurityException(
        "tls.key is no " + String.join(" or ", algorithms) + " key: " + last.getMessage(), last);
  }
}
