package my.domain.tutorial.kubectl.why;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.paging.Pages;

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
  static final String RESOURCE = "clusterserviceversions.operators.coreos.com";
  static final String OPERATOR_NAMESPACE = "olm.operatorNamespace";
  static final String COPIED_FROM = "olm.copiedFrom";

  private static final ResourceDefinitionContext CSV =
      new ResourceDefinitionContext.Builder()
          .withGroup("operators.coreos.com")
          .withVersion("v1alpha1")
          .withKind("ClusterServiceVersion")
          .withPlural("clusterserviceversions")
          .withNamespaced(true)
          .build();

  /**
   * The CSV in {@code namespace} that owns the Foo CRD, if any; empty also when the cluster has no
   * OLM (the CSV API is not served); refused on a 403 where the API is served.
   */
  static Lookup<Optional<OlmInstall>> in(KubernetesClient client, String namespace) {
    try {
      return Lookup.found(
          Pages.all(o -> client.genericKubernetesResources(CSV).inNamespace(namespace).list(o))
              .stream()
              .map(OlmInstall::of)
              .flatMap(Optional::stream)
              .findFirst());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Lookup.found(Optional.empty());
      }
      // The API server checks RBAC before it looks for the resource: without OLM, a user who may
      // not list CSVs gets a 403 too. Discovery, open to every user, tells the two apart.
      if (e.getCode() == 403 && served(client)) {
        return Lookup.forbidden("list", RESOURCE, "namespace " + namespace);
      }
      if (e.getCode() == 403) {
        return Lookup.found(Optional.empty());
      }
      throw e;
    }
  }

  private static boolean served(KubernetesClient client) {
    return client.getApiResources(CSV.getGroup() + "/" + CSV.getVersion()) != null;
  }

  /** The install a CSV describes, when it owns the Foo CRD. Pure. */
  static Optional<OlmInstall> of(GenericKubernetesResource csv) {
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
            .anyMatch(o -> o instanceof Map<?, ?> crd && Foo.CRD_NAME.equals(crd.get("name")));
  }
}
