package my.domain.tutorial.bundle;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.olm.CatalogServer;
import my.domain.tutorial.controlplane.olm.OlmStatus;

/** What an OLM user creates and reads (OperatorGroups, Subscriptions, InstallPlans, CSVs). */
record OlmApi(KubernetesClient admin) {
  static final String GROUP = "operators.coreos.com";
  static final Duration PATIENCE = Duration.ofSeconds(90);

  GenericKubernetesResource operatorGroup(String ns, List<String> targets) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!targets.isEmpty()) {
      spec.put("targetNamespaces", targets);
    }
    return admin
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(GROUP + "/v1")
                .withKind("OperatorGroup")
                .withNewMetadata()
                .withName("foo-operators")
                .withNamespace(ns)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build())
        .create();
  }

  /** Subscribes {@code ns} to the package's {@code channel} in {@code catalog}. */
  GenericKubernetesResource subscribe(
      String ns, CatalogServer catalog, String pkg, String channel, Map<String, Object> extra) {
    return admin.resource(catalog.subscription(ns, pkg, channel, extra)).create();
  }

  List<GenericKubernetesResource> installPlans(String ns) {
    return v1alpha1("InstallPlan").inNamespace(ns).list().getItems();
  }

  /**
   * Approves the InstallPlan that installs {@code csv}, as a user does with Manual approval: the
   * one the Subscription names in its status, once it waits for approval. (OLM may create more than
   * one plan for the same step; only the named one is acted on.)
   */
  void approve(String ns, String subscription, String csv) {
    String plan =
        await("the InstallPlan of Subscription " + ns + "/" + subscription + " for " + csv)
            .atMost(PATIENCE)
            .until(
                () -> {
                  GenericKubernetesResource sub =
                      v1alpha1("Subscription").inNamespace(ns).withName(subscription).get();
                  Object ref = OlmStatus.of(sub).get("installPlanRef");
                  if (!(ref instanceof Map<?, ?> r) || r.get("name") == null) {
                    return null;
                  }
                  GenericKubernetesResource p =
                      v1alpha1("InstallPlan")
                          .inNamespace(ns)
                          .withName(String.valueOf(r.get("name")))
                          .get();
                  return p != null
                          && "RequiresApproval".equals(OlmStatus.of(p).get("phase"))
                          && spec(p).get("clusterServiceVersionNames") instanceof List<?> names
                          && names.contains(csv)
                      ? p.getMetadata().getName()
                      : null;
                },
                name -> name != null);
    // A merge patch without resourceVersion, as `kubectl patch` sends it: OLM writes the plan's
    // status meanwhile, and a read-modify-write would then fail with a conflict.
    v1alpha1("InstallPlan")
        .inNamespace(ns)
        .withName(plan)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"approved\":true}}");
  }

  void awaitInstallPlanComplete(String ns) {
    await("InstallPlan Complete in " + ns)
        .atMost(PATIENCE)
        .until(
            () ->
                installPlans(ns).stream()
                    .map(p -> String.valueOf(OlmStatus.of(p).get("phase")))
                    .toList(),
            phases -> phases.contains("Complete"));
  }

  void awaitCsvSucceeded(String ns, String csv) {
    await("CSV " + ns + "/" + csv + " Succeeded")
        .atMost(PATIENCE)
        .until(() -> csvState(ns, csv), state -> state.startsWith("Succeeded"));
  }

  /** Phase, reason and message: what a timeout should show. */
  String csvState(String ns, String name) {
    GenericKubernetesResource csv =
        v1alpha1("ClusterServiceVersion").inNamespace(ns).withName(name).get();
    if (csv == null) {
      return "absent; InstallPlans: "
          + installPlans(ns).stream()
              .map(
                  p ->
                      p.getMetadata().getName()
                          + " "
                          + spec(p).get("clusterServiceVersionNames")
                          + " approved="
                          + spec(p).get("approved")
                          + " "
                          + OlmStatus.of(p).get("phase")
                          + " "
                          + OlmStatus.of(p).get("conditions"))
              .toList();
    }
    Map<?, ?> status = OlmStatus.of(csv);
    return status.get("phase") + " (" + status.get("reason") + ": " + status.get("message") + ")";
  }

  String csvPhase(String ns, String name) {
    GenericKubernetesResource csv =
        v1alpha1("ClusterServiceVersion").inNamespace(ns).withName(name).get();
    return csv == null ? null : String.valueOf(OlmStatus.of(csv).get("phase"));
  }

  /** Uninstalls as OLM's docs order it: Subscription, then InstallPlans, then CSVs. */
  void uninstall(String ns) {
    v1alpha1("Subscription").inNamespace(ns).delete();
    v1alpha1("InstallPlan").inNamespace(ns).delete();
    v1alpha1("ClusterServiceVersion").inNamespace(ns).delete();
  }

  MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      v1alpha1(String kind) {
    return admin.genericKubernetesResources(GROUP + "/v1alpha1", kind);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource o) {
    return (Map<String, Object>)
        o.getAdditionalProperties().computeIfAbsent("spec", k -> new LinkedHashMap<>());
  }
}
