package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the admin reaches a control plane: a static bearer token (group {@code system:masters}) in
 * the API server's token file, trust in the serving certificate kube-apiserver made itself, and a
 * kubeconfig file that holds both, for kubectl and for clients.
 */
final class AdminAccess {
  static final String CONTEXT = "foo-local";

  private AdminAccess() {}

  /** The admin token of {@code tokens} (kube-apiserver's --token-auth-file), made on first use. */
  static String token(Path tokens) throws IOException {
    if (Files.exists(tokens)) {
      return Files.readString(tokens).split(",", 2)[0];
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.writeString(tokens, token + ",admin,admin,\"system:masters\"\n");
    return token;
  }

  /** TLS that trusts exactly the certificates in {@code certFile}. */
  static SSLContext trusting(Path certFile) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile)))) {
        store.setCertificateEntry("c" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + certFile, e);
    }
  }

  /**
   * Writes the admin kubeconfig (context {@value #CONTEXT}) to {@code file}, replacing it in one
   * step so a reader never sees half a file.
   */
  static void writeKubeconfig(Path file, String server, Path caCert, String token)
      throws IOException {
    String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(caCert));
    io.fabric8.kubernetes.api.model.Config kubeconfig =
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addToClusters(
                new NamedClusterBuilder()
                    .withName(CONTEXT)
                    .withNewCluster()
                    .withServer(server)
                    .withCertificateAuthorityData(ca)
                    .endCluster()
                    .build())
            .addToUsers(
                new NamedAuthInfoBuilder()
                    .withName("admin")
                    .withNewUser()
                    .withToken(token)
                    .endUser()
                    .build())
            .addToContexts(
                new NamedContextBuilder()
                    .withName(CONTEXT)
                    .withNewContext()
                    .withCluster(CONTEXT)
                    .withUser("admin")
                    .withNamespace("default")
                    .endContext()
                    .build())
            .withCurrentContext(CONTEXT)
            .build();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Serialization.asYaml(kubeconfig));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
