package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    assertThat(effective.getMasterUrl()).isEqualTo("https://from-kubeconfig:6443/");
    assertThat(effective.getCaCertData()).isEqualTo("Q0E=");
    assertThat(effective.getAutoOAuthToken()).isEqualTo("t");
    assertThat(effective.getNamespace()).isEqualTo("team-a");
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

    assertThat(effective.getCaCertFile()).isEqualTo(ca.toString());
    assertThat(effective.getCaCertData()).isNull();
    assertThat(effective.getClientCertFile()).isEqualTo(cert.toString());
    assertThat(effective.getClientCertData()).isNull();
    assertThat(effective.getClientKeyFile()).isEqualTo(key.toString());
    assertThat(effective.getClientKeyData()).isNull();
  }

  @Test
  void insecureSkipTlsVerify_dropsTheKubeconfigsCa_unlessACaFlagIsGiven() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "ca");

    Config insecure = apply("--insecure-skip-tls-verify");
    Config insecureWithCa =
        apply("--insecure-skip-tls-verify", "--certificate-authority", ca.toString());
    Config explicitlySecure = apply("--insecure-skip-tls-verify=false");

    assertThat(insecure.isTrustCerts()).isTrue();
    assertThat(insecure.getCaCertData()).isNull();
    assertThat(insecureWithCa.getCaCertFile()).isEqualTo(ca.toString());
    assertThat(explicitlySecure.isTrustCerts()).isFalse();
    assertThat(explicitlySecure.getCaCertData()).isEqualTo("Q0E=");
  }

  @Test
  void serverAndToken_replaceTheirValuesOnly() {
    Config effective = apply("-s", "https://other:443", "--token", "flag-token");

    assertThat(effective.getMasterUrl()).isEqualTo("https://other:443/");
    assertThat(effective.getCaCertData()).isEqualTo("Q0E=");
    assertThat(effective.getAutoOAuthToken()).isEqualTo("flag-token");
    assertThat(effective.getClientCertData()).isEqualTo("Q0VSVA==");
  }

  private Config apply(String... flags) {
    Config config = Config.empty();
    KubeConfigUtils.merge(config, null, KubeConfigUtils.parseConfigFromString(KUBECONFIG));
    ConnectionOverrides.apply(config, ClusterOptions.parse(flags));
    return config;
  }
}
