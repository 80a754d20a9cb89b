package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** tls-server-name is checked against DNS SANs as Go's crypto/x509 checks them. */
class ServerNamesTest {
  @Test
  void anExactNameOrAOneLabelWildcard_matches() {
    assertThat(ServerNames.dnsMatches("kubernetes.default.svc", "kubernetes.default.svc")).isTrue();
    assertThat(ServerNames.dnsMatches("*.example.com", "api.example.com")).isTrue();
    assertThat(ServerNames.dnsMatches("api.example.com.", "api.example.com")).isTrue();
  }

  @Test
  void aWildcardCoversOneLabelOnly_andOtherNamesDoNotMatch() {
    assertThat(ServerNames.dnsMatches("*.example.com", "a.b.example.com")).isFalse();
    assertThat(ServerNames.dnsMatches("*.example.com", "example.com")).isFalse();
    assertThat(ServerNames.dnsMatches("kubernetes", "kubernetes.default")).isFalse();
  }
}
