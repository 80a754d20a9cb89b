package my.domain.tutorial.bundle;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator's ServiceMonitor for the operator's metrics Service, derived from that
 * Service (its name, labels and port), so the two cannot drift apart. It scrapes {@code /metrics}
 * over HTTPS with Prometheus's own ServiceAccount token, which the operator reviews with the API
 * server (so Prometheus's ServiceAccount must be bound to the metrics-reader ClusterRole), and
 * accepts the operator's self-signed serving certificate, as kubebuilder's default ServiceMonitor
 * does; with a mounted certificate ({@code FOO_METRICS_CERT_DIR}) its {@code tlsConfig} can name
 * the CA instead.
 */
final class MetricsServiceMonitor {
  static final String API_VERSION = "monitoring.coreos.com/v1";
  private static final String TOKEN_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  private MetricsServiceMonitor() {}

  static GenericKubernetesResource of(Service service) {
    List<ServicePort> ports = service.getSpec().getPorts();
    if (ports.size() != 1 || ports.get(0).getName() == null) {
      throw new IllegalStateException(
          "the metrics Service "
              + service.getMetadata().getName()
              + " must have exactly one named port for its ServiceMonitor");
    }
    GenericKubernetesResource monitor =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(API_VERSION)
            .withKind("ServiceMonitor")
            .withNewMetadata()
            .withName(service.getMetadata().getName())
            .withLabels(service.getMetadata().getLabels())
            .endMetadata()
            .build();
    // Ordered maps: the same bundle every build.
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", ports.get(0).getName());
    endpoint.put("path", "/metrics");
    endpoint.put("scheme", "https");
    endpoint.put("bearerTokenFile", TOKEN_FILE);
    endpoint.put("tlsConfig", Map.of("insecureSkipVerify", true));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", Map.of("matchLabels", service.getMetadata().getLabels()));
    spec.put("endpoints", List.of(endpoint));
    monitor.setAdditionalProperty("spec", spec);
    return monitor;
  }
}
