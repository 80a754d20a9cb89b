package my.domain.tutorial.kubectl.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamedExtension;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The cluster an exec plugin with {@code provideClusterInfo: true} is told about in {@code
 * KUBERNETES_EXEC_INFO} ({@code spec.cluster}), as client-go fills it: the server, {@code
 * tls-server-name}, {@code insecure-skip-tls-verify}, {@code certificate-authority-data} (the CA
 * file's contents when the kubeconfig names a file), the cluster's {@code proxy-url}, and as {@code
 * config} the cluster's extension named {@code client.authentication.k8s.io/exec}; all after the
 * flags applied. Empty values are left out, as client-go's {@code omitempty} leaves them out.
 */
final class ExecCluster {
  static final String EXTENSION = "client.authentication.k8s.io/exec";

  private ExecCluster() {}

  /**
   * @param server the server as the kubeconfig or {@code --server} spells it
   * @param config the client's configuration once the kubeconfig and the flags applied
   * @param cluster the kubeconfig's cluster, for its proxy-url and extensions
   * @param tlsServerName the effective tls-server-name
   */
  static ObjectNode of(
      String server,
      Config config,
      Optional<io.fabric8.kubernetes.api.model.Cluster> cluster,
      Optional<String> tlsServerName) {
    ObjectMapper mapper = Serialization.jsonMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("server", server);
    tlsServerName.filter(n -> !n.isEmpty()).ifPresent(n -> node.put("tls-server-name", n));
    if (config.isTrustCerts()) {
      node.put("insecure-skip-tls-verify", true);
    }
    caData(config).ifPresent(ca -> node.put("certificate-authority-data", ca));
    cluster
        .map(io.fabric8.kubernetes.api.model.Cluster::getProxyUrl)
        .filter(p -> !p.isEmpty())
        .ifPresent(p -> node.put("proxy-url", p));
    cluster.map(io.fabric8.kubernetes.api.model.Cluster::getExtensions).orElse(List.of()).stream()
        .filter(e -> EXTENSION.equals(e.getName()) && e.getExtension() != null)
        .map(NamedExtension::getExtension)
        .findFirst()
        .map(mapper::<JsonNode>valueToTree)
        .ifPresent(c -> node.set("config", c));
    return node;
  }

  private static Optional<String> caData(Config config) {
    if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
      // Re-encoded as client-go's []byte field is: the decoded bytes, in standard base64.
      return Optional.of(
          Base64.getEncoder()
              .encodeToString(Base64.getMimeDecoder().decode(config.getCaCertData().trim())));
    }
    if (config.getCaCertFile() != null && !config.getCaCertFile().isBlank()) {
      try {
        return Optional.of(
            Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(config.getCaCertFile()))));
      } catch (IOException unreadable) {
        // Building the client reports an unreadable CA file, once the credential is there.
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
