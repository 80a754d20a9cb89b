package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.FooCrd;

/**
 * What OLM says about the operator where it installed it for a namespace: the ClusterServiceVersion
 * that owns the Foo CRD, which OLM copies into every namespace the install targets (so a user of
 * that namespace may read it where the Lease's namespace is closed to them), annotated with the
 * namespace the operator runs in.
 *
 * @param csv the CSV's name
 * @param namespace where the operator runs
 * @param deployment the Deployment the CSV installs
 * @param phase the CSV's phase (Succeeded, Failed, ...), when it has one
 */
public record OlmInstall(String csv, String namespace, String deployment, Optional<String> phase) {
  static final String OPERATOR_NAMESPACE = "olm.operatorNamespace";
  static final String COPIED_FROM = "olm.copiedFrom";

  /** The install a CSV describes, when it owns the Foo CRD. Pure. */
  public static Optional<OlmInstall> of(GenericKubernetesResource csv) {
    if (!ownsFoos(csv.<Object>get("spec", "customresourcedefinitions", "owned"))) {
      return Optional.empty();
    }
    Map<String, String> annotations = csv.getMetadata().getAnnotations();
    Map<String, String> labels = csv.getMetadata().getLabels();
    String namespace =
        Optional.ofNullable(annotations)
            .map(a -> a.get(OPERATOR_NAMESPACE))
            .or(() -> Optional.ofNullable(labels).map(l -> l.get(COPIED_FROM)))
            .orElse(csv.getMetadata().getNamespace());
    Object deployments = csv.<Object>get("spec", "install", "spec", "deployments");
    String deployment =
        deployments instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> first
                && first.get("name") instanceof String name
            ? name
            : OperatorDefaults.DEPLOYMENT;
    Optional<String> phase =
        csv.<Object>get("status", "phase") instanceof String p ? Optional.of(p) : Optional.empty();
    return Optional.of(new OlmInstall(csv.getMetadata().getName(), namespace, deployment, phase));
  }

  private static boolean ownsFoos(Object owned) {
    return owned instanceof List<?> list
        && list.stream()
            .anyMatch(o -> o instanceof Map<?, ?> crd && FooCrd.NAME.equals(crd.get("name")));
  }
}
