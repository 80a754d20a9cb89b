package my.domain.tutorial.controlplane.olm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** The {@code status} of an OLM object read as a generic resource; empty when it has none yet. */
public final class OlmStatus {
  private OlmStatus() {}

  public static Map<?, ?> of(GenericKubernetesResource resource) {
    return resource != null
            && resource.getAdditionalProperties().get("status") instanceof Map<?, ?> m
        ? m
        : Map.of();
  }
}
