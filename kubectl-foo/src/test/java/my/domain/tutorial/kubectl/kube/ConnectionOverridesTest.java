package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import my.domain.tutorial.kubectl.cli.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the TLS and credential flags replace values of the kubeconfig, as client-go's overrides do.
 */
class ConnectionOverridesTest {
  static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: c
      clusters:
      - name: k
        cluster: {server: 'https://from-kubeconfig:6443', certificate-authority-data: Q0E=}
      users:
      - name: u
        user: {token: t, client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
      contexts:
      - name: c
        context: {cluster: k, user: u, namespace: team-a}
      """;

  @TempDir Path dir;

  @Test
  void withoutFlags_theKubeconfigsValuesStay() {
    Config effective = apply();

    Cluster cluster = effective.getClusters().get(0).getCluster();
    assertThat(cluster.getServer()).isEqualTo("https://from-kubeconfig:6443");
    assertThat(cluster.getCertificateAuthorityData()).isEqualTo("Q0E=");
    assertThat(effective.getUsers().get(0).getUser().getToken()).isEqualTo("t");
    assertThat(effective.getContexts().get(0).getContext().getNamespace()).isEqualTo("team-a");
  }

  @Test
  void certificateFlagsReplaceTheKubeconfigsEmbeddedData() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "ca");
    Path cert = Files.writeString(dir.resolve("client.crt"), "cert");
    Path key = Files.writeString(dir.resolve("client.key"), "key");

    Config effective =
        apply(
            "--certificate-authority",
            ca.toString(),
            "--client-certificate",
            cert.toString(),
            "--client-key",
            key.toString());

    Cluster cluster = effective.getClusters().get(0).getCluster();
    assertThat(cluster.getCertificateAuthority()).isEqualTo(ca.toString());
    assertThat(cluster.getCertificateAuthorityData()).isNull();
    var user = effective.getUsers().get(0).getUser();
    assertThat(user.getClientCertificate()).isEqualTo(cert.toString());
    assertThat(user.getClientCertificateData()).isNull();
    assertThat(user.getClientKey()).isEqualTo(key.toString());
    assertThat(user.getClientKeyData()).isNull();
  }

  @Test
  void insecureSkipTlsVerify_dropsTheKubeconfigsCa_unlessACaFlagIsGiven() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "ca");

    Cluster insecure = apply("--insecure-skip-tls-verify").getClusters().get(0).getCluster();
    Cluster insecureWithCa =
        apply("--insecure-skip-tls-verify", "--certificate-authority", ca.toString())
            .getClusters()
            .get(0)
            .getCluster();
    Cluster explicitlySecure =
        apply("--insecure-skip-tls-verify=false").getClusters().get(0).getCluster();

    assertThat(insecure.getInsecureSkipTlsVerify()).isTrue();
    assertThat(insecure.getCertificateAuthorityData()).isNull();
    assertThat(insecureWithCa.getCertificateAuthority()).isEqualTo(ca.toString());
    assertThat(explicitlySecure.getInsecureSkipTlsVerify()).isFalse();
    assertThat(explicitlySecure.getCertificateAuthorityData()).isEqualTo("Q0E=");
  }

  @Test
  void serverAndToken_replaceTheirValuesOnly() {
    Config effective = apply("-s", "https://other:443", "--token", "flag-token");

    assertThat(effective.getClusters().get(0).getCluster().getServer())
        .isEqualTo("https://other:443");
    assertThat(effective.getClusters().get(0).getCluster().getCertificateAuthorityData())
        .isEqualTo("Q0E=");
    assertThat(effective.getUsers().get(0).getUser().getToken()).isEqualTo("flag-token");
    assertThat(effective.getUsers().get(0).getUser().getClientCertificateData())
        .isEqualTo("Q0VSVA==");
  }

  private Config apply(String... flags) {
    Config merged = Serialization.unmarshal(KUBECONFIG, Config.class);
    NamedContext context = merged.getContexts().get(0);
    return ConnectionOverrides.apply(merged, context, ClusterOptions.parse(flags), "test");
  }
}
