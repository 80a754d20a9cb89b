package my.domain.tutorial.bundle;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.APIResourceReference;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.APIResourceReferenceBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.Icon;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.IconBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;

/** Sources and settings in, bundle out: the one place that decides what goes where. */
public final class BundleFactory {
  /** UI refinements the schema cannot carry: the friend is a Pod, so the console links to it. */
  static final Map<String, CrdDescriptions.Hint> HINTS =
      Map.of(
          "spec.name",
              new CrdDescriptions.Hint("Friend Pod", List.of(CrdDescriptions.K8S_RESOURCE + "Pod")),
          "status.happy", new CrdDescriptions.Hint("Happy", List.of(CrdDescriptions.TEXT)));

  /** What a Foo works with: its friend Pod, and the Events recorded on it. */
  static final List<APIResourceReference> FOO_RESOURCES =
      List.of(
          new APIResourceReferenceBuilder().withKind("Pod").withName("").withVersion("v1").build(),
          new APIResourceReferenceBuilder()
              .withKind("Event")
              .withName("")
              .withVersion("v1")
              .build());

  static final String CRD_FILE_NAME = Foo.GROUP + "_" + Foo.PLURAL + ".yaml";

  private BundleFactory() {}

  public static Bundle create(BundleSources sources, BundleSettings settings) {
    OperatorManifests manifests = sources.manifests();
    CsvPermissions permissions =
        CsvPermissions.from(manifests, ResourceScopes.with(List.of(sources.crd())));
    String image = InstallStrategy.image(manifests.deployment(), settings.image());
    String minKube = KubeVersions.minKubeVersion(sources.crd());

    ClusterServiceVersion csv =
        ClusterServiceVersions.assemble(
            sources.csvBase(),
            new ClusterServiceVersions.Derived(
                settings.packageName(),
                settings.version(),
                settings.replaces(),
                settings.skipRange(),
                image,
                InstallStrategy.from(manifests.deployment(), permissions, settings.image()),
                List.of(
                    CrdDescriptions.owned(sources.crd(), modelDescription(), HINTS, FOO_RESOURCES)),
                AlmExamples.json(sources.samples()),
                minKube,
                manifests.namespace().getMetadata().getName(),
                icon(sources.iconSvg()),
                createdAt()));

    return new Bundle(
        csv,
        CRD_FILE_NAME,
        sources.crd(),
        extraManifests(manifests),
        BundleMetadata.annotations(
            settings.packageName(),
            settings.channels(),
            settings.defaultChannel(),
            KubeVersions.openShiftVersions(minKube)),
        ScorecardConfig.of(settings.scorecardImage()));
  }

  /**
   * Manifests OLM applies as they are, beside the CSV: the metrics Service (namespace dropped, OLM
   * puts it in the install namespace), a ServiceMonitor for it (for Prometheus Operator users; OLM
   * applies it where that API exists), and the ClusterRoles no binding gives the operator (the
   * metrics-reader role, for the scraper). The Namespace, ServiceAccount, the operator's own RBAC
   * and Deployment are not copied: OLM makes those from the CSV.
   */
  static List<HasMetadata> extraManifests(OperatorManifests manifests) {
    List<HasMetadata> extras = new ArrayList<>();
    for (Service s : manifests.services()) {
      extras.add(new ServiceBuilder(s).editMetadata().withNamespace(null).endMetadata().build());
      extras.add(MetricsServiceMonitor.of(s));
    }
    List<String> bound =
        manifests.clusterRoleBindings().stream().map(b -> b.getRoleRef().getName()).toList();
    manifests.clusterRoles().stream()
        .filter(r -> !bound.contains(r.getMetadata().getName()))
        .forEach(extras::add);
    return extras;
  }

  /**
   * The Foo kind's description, from the API model (the CRD generator does not carry it to the
   * schema root).
   */
  /**
   * The CSV's {@code createdAt}: {@code SOURCE_DATE_EPOCH} (seconds) where a reproducible build
   * sets it, else now.
   */
  static Instant createdAt() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    return epoch == null || epoch.isBlank()
        ? Instant.now()
        : Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
  }

  static String modelDescription() {
    JsonClassDescription d = Foo.class.getAnnotation(JsonClassDescription.class);
    if (d == null || d.value().isBlank()) {
      throw new IllegalStateException(
          "Foo has no @JsonClassDescription: the CSV needs a description of the kind");
    }
    return d.value();
  }

  static Icon icon(byte[] svg) {
    return new IconBuilder()
        .withBase64data(Base64.getEncoder().encodeToString(svg))
        .withMediatype("image/svg+xml")
        .build();
  }
}
