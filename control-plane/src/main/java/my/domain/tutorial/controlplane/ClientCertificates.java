package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificate authority kube-apiserver trusts for client certificates ({@code
 * --client-ca-file}), and client certificates it signs, so tests can authenticate as kubectl users
 * with a certificate do (the user is the subject's CN, its groups the O values). Made with the
 * JDK's keytool: the JDK has no public API to sign a certificate.
 */
final class ClientCertificates {
  private static final String PASSWORD = "test-only";

  private final Path dir;

  ClientCertificates(Path dir) {
    this.dir = dir;
  }

  /** The CA's certificate (PEM), made on first use. */
  Path caCertificate() {
    Path ca = dir.resolve("client-ca.crt");
    if (!Files.exists(ca)) {
      keytool(
          "-genkeypair",
          "-alias",
          "ca",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "3650",
          "-dname",
          "CN=foo-test-client-ca",
          "-ext",
          "bc:c",
          "-keystore",
          store("client-ca"));
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          store("client-ca"),
          "-file",
          ca.toString());
    }
    return ca;
  }

  /** A client certificate and its key (PEM) for {@code user} in {@code groups}. */
  ClientCertificate issue(String user, String... groups) {
    caCertificate();
    String name = "client-" + user.replaceAll("[^A-Za-z0-9-]", "_");
    StringBuilder dname = new StringBuilder("CN=" + user);
    for (String group : groups) {
      dname.append(", O=").append(group);
    }
    try {
      Files.deleteIfExists(dir.resolve(name + ".p12"));
      keytool(
          "-genkeypair",
          "-alias",
          "client",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "365",
          "-dname",
          dname.toString(),
          "-keystore",
          store(name));
      Path csr = dir.resolve(name + ".csr");
      Path crt = dir.resolve(name + ".crt");
      keytool("-certreq", "-alias", "client", "-keystore", store(name), "-file", csr.toString());
      keytool(
          "-gencert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          store("client-ca"),
          "-infile",
          csr.toString(),
          "-outfile",
          crt.toString(),
          "-ext",
          "eku=clientAuth",
          "-validity",
          "365");
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
        keys.load(in, PASSWORD.toCharArray());
      }
      Key key = keys.getKey("client", PASSWORD.toCharArray());
      String keyPem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      return new ClientCertificate(Files.readString(crt), keyPem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the key keytool made", e);
    }
  }

  private String store(String name) {
    return dir.resolve(name + ".p12").toString();
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(
        List.of("-storepass", PASSWORD, "-keypass", PASSWORD, "-storetype", "PKCS12", "-noprompt"));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
