package my.domain.tutorial.kubectl.it;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import my.domain.tutorial.controlplane.ClusterResources;

/**
 * OLM's ClusterServiceVersion as a cluster with OLM serves it, without OLM: its API (a CRD keeping
 * any fields) and the copy of the operator's CSV that OLM puts into each namespace an AllNamespaces
 * install targets, annotated with the namespace the operator runs in.
 */
final class OlmCsv {
  static final String NAME = "foo-operator.v0.1.0";
  private static final String CRD = "clusterserviceversions.operators.coreos.com";

  private OlmCsv() {}

  static void installApi(KubernetesClient admin) {
    ClusterResources.installCrd(
        admin,
        Serialization.unmarshal(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: clusterserviceversions.operators.coreos.com
            spec:
              group: operators.coreos.com
              scope: Namespaced
              names:
                plural: clusterserviceversions
                singular: clusterserviceversion
                kind: ClusterServiceVersion
                listKind: ClusterServiceVersionList
                shortNames: [csv]
              versions:
                - name: v1alpha1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            """,
            CustomResourceDefinition.class));
  }

  /** Removes the API and waits until it is gone, so later cases see a cluster without OLM. */
  static void removeApi(KubernetesClient admin) {
    admin.apiextensions().v1().customResourceDefinitions().withName(CRD).delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin.apiextensions().v1().customResourceDefinitions().withName(CRD).get() == null);
  }

  /** The CSV OLM copies into {@code namespace} from {@code operatorNamespace}. */
  static void copied(KubernetesClient admin, String namespace, String operatorNamespace) {
    admin
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: operators.coreos.com/v1alpha1
                kind: ClusterServiceVersion
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {olm.operatorNamespace: %s, olm.operatorGroup: global-operators}
                  labels: {olm.copiedFrom: %s}
                spec:
                  customresourcedefinitions:
                    owned: [{name: foos.tutorial.my.domain, version: v1, kind: Foo}]
                  install:
                    strategy: deployment
                    spec:
                      deployments: [{name: foo-operator, spec: {}}]
                status:
                  phase: Succeeded
                  reason: Copied
                """
                    .formatted(NAME, namespace, operatorNamespace, operatorNamespace),
                GenericKubernetesResource.class))
        .create();
  }
}
