package my.domain.tutorial.kubectl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment's proxy, as kubectl (Go's ProxyFromEnvironment) picks it. */
class EnvProxyTest {
  @Test
  void httpsServersUseHttpsProxy_andHttpServersHttpProxy() {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "proxy.corp:3128", "http_proxy", "http://plain.corp:80");

    assertThat(EnvProxy.forServer("https://api.example.com:6443", env))
        .contains("http://proxy.corp:3128");
    assertThat(EnvProxy.forServer("http://api.example.com", env)).contains("http://plain.corp:80");
  }

  @Test
  void loopbackServersAndNoProxyHosts_goDirect() {
    Map<String, String> env =
        Map.of(
            "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", ".internal,10.1.2.3,api.x:7443");

    assertThat(EnvProxy.forServer("https://127.0.0.1:6443", env)).isEmpty();
    assertThat(EnvProxy.forServer("https://localhost:6443", env)).isEmpty();
    assertThat(EnvProxy.forServer("https://k8s.internal:6443", env)).isEmpty();
    assertThat(EnvProxy.forServer("https://10.1.2.3:6443", env)).isEmpty();
    assertThat(EnvProxy.forServer("https://api.x:7443", env)).isEmpty();
    assertThat(EnvProxy.forServer("https://api.x:6443", env)).isPresent();
    assertThat(EnvProxy.forServer("https://api.example.com", Map.of("NO_PROXY", "*"))).isEmpty();
  }
}
