package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.CRDDescription;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.InstallMode;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.SpecDescriptor;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.StatusDescriptor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated bundle, checked against the sources it is made from. */
class BundleTest {
  private final BundleSources sources = TestBundles.sources();
  private final Bundle bundle = TestBundles.bundle();
  private final ClusterServiceVersion csv = bundle.csv();

  @Test
  void theCrd_isTheApiJarsCrd_semantically() {
    String written = bundle.files().get("bundle/manifests/" + BundleFactory.CRD_FILE_NAME);

    CustomResourceDefinition reread =
        Serialization.unmarshal(written, CustomResourceDefinition.class);
    CustomResourceDefinition original =
        Serialization.unmarshal(
            BundleSources.classpathText(BundleSources.CRD_RESOURCE),
            CustomResourceDefinition.class);
    assertThat(reread).isEqualTo(original);
    assertThat(written).startsWith("apiVersion:");
  }

  @Test
  void almExamples_equalTheSamples() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<?> examples =
        json.readValue(csv.getMetadata().getAnnotations().get("alm-examples"), List.class);
    List<?> samples = sources.samples().stream().map(s -> json.convertValue(s, Map.class)).toList();

    assertThat(examples).isNotEmpty().isEqualTo(samples);
  }

  @Test
  void theCsv_carriesWhatCertificationRequires_createdAtAndValidSubscription() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> annotations = TestBundles.bundle().csv().getMetadata().getAnnotations();

    assertThat(Instant.parse(annotations.get("createdAt")))
        .isBetween(before, Instant.now().plusSeconds(1));
    assertThat(annotations.get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(annotations)
        .containsEntry(
            "operators.openshift.io/valid-subscription", "[\"OpenShift Container Platform\"]");
  }

  @Test
  void allFourInstallModes_areSupported() {
    assertThat(csv.getSpec().getInstallModes())
        .extracting(InstallMode::getType, InstallMode::getSupported)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OwnNamespace", true),
            org.assertj.core.groups.Tuple.tuple("SingleNamespace", true),
            org.assertj.core.groups.Tuple.tuple("MultiNamespace", true),
            org.assertj.core.groups.Tuple.tuple("AllNamespaces", true));
  }

  @Test
  void theCsvName_isPackageDotVVersion_fromTheMavenVersion() {
    assertThat(csv.getMetadata().getName()).isEqualTo("foo-operator.v0.1.0-snapshot");
    assertThat(csv.getSpec().getVersion()).isEqualTo("0.1.0-snapshot");
    assertThat(csv.getSpec().getReplaces()).isNull();
    assertThat(csv.getMetadata().getAnnotations()).doesNotContainKey("olm.skipRange");
  }

  @Test
  void replacesAndSkipRange_areSetWhenConfigured() {
    ClusterServiceVersion upgrade =
        TestBundles.bundle(
                "--version=0.2.0", "--replaces=foo-operator.v0.1.0", "--skip-range=>=0.1.0 <0.2.0")
            .csv();

    assertThat(upgrade.getMetadata().getName()).isEqualTo("foo-operator.v0.2.0");
    assertThat(upgrade.getSpec().getReplaces()).isEqualTo("foo-operator.v0.1.0");
    assertThat(upgrade.getMetadata().getAnnotations())
        .containsEntry("olm.skipRange", ">=0.1.0 <0.2.0");
  }

  @Test
  void replaces_mustNameACsvOfThisPackage() {
    assertThatThrownBy(() -> TestBundles.bundle("--replaces=other.v0.1.0"))
        .hasMessageContaining("foo-operator.vX.Y.Z");
  }

  @Test
  void theOwnedCrd_isTheFooCrd_withItsModelDescription() {
    CRDDescription owned = csv.getSpec().getCustomresourcedefinitions().getOwned().get(0);

    assertThat(csv.getSpec().getCustomresourcedefinitions().getOwned()).hasSize(1);
    assertThat(owned.getName()).isEqualTo("foos.tutorial.my.domain");
    assertThat(owned.getVersion()).isEqualTo("v1");
    assertThat(owned.getKind()).isEqualTo("Foo");
    assertThat(owned.getDescription()).isNotBlank();
    assertThat(owned.getResources()).extracting(r -> r.getKind()).contains("Pod");
  }

  @Test
  void everySpecAndStatusField_hasADescriptor() {
    CRDDescription owned = csv.getSpec().getCustomresourcedefinitions().getOwned().get(0);
    Map<String, JSONSchemaProps> root =
        sources
            .crd()
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties();

    assertThat(owned.getSpecDescriptors())
        .extracting(SpecDescriptor::getPath)
        .containsExactlyInAnyOrderElementsOf(root.get("spec").getProperties().keySet());
    assertThat(owned.getStatusDescriptors())
        .extracting(StatusDescriptor::getPath)
        .containsExactlyInAnyOrderElementsOf(root.get("status").getProperties().keySet());
    assertThat(owned.getSpecDescriptors())
        .allSatisfy(d -> assertThat(d.getDescription()).isNotBlank());
    assertThat(owned.getStatusDescriptors())
        .allSatisfy(d -> assertThat(d.getDescription()).isNotBlank());
  }

  @Test
  void conditions_haveTheConditionsDescriptor_andTheFriendLinksToItsPod() {
    CRDDescription owned = csv.getSpec().getCustomresourcedefinitions().getOwned().get(0);
    Map<String, List<String>> status =
        owned.getStatusDescriptors().stream()
            .collect(
                Collectors.toMap(StatusDescriptor::getPath, StatusDescriptor::getXDescriptors));

    assertThat(status.get("conditions"))
        .containsExactly("urn:alm:descriptor:io.kubernetes.conditions");
    assertThat(owned.getSpecDescriptors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getPath()).isEqualTo("name");
              assertThat(d.getXDescriptors())
                  .containsExactly("urn:alm:descriptor:io.kubernetes:Pod");
            });
  }

  @Test
  void containerImage_relatedImages_andTheDeployment_nameTheSameImage() {
    String image =
        sources
            .manifests()
            .deployment()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getImage();

    assertThat(csv.getMetadata().getAnnotations()).containsEntry("containerImage", image);
    assertThat(csv.getSpec().getRelatedImages())
        .singleElement()
        .satisfies(r -> assertThat(r.getImage()).isEqualTo(image));
    assertThat(
            csv.getSpec()
                .getInstall()
                .getSpec()
                .getDeployments()
                .get(0)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo(image);
  }

  @Test
  void theCsv_isComplete() {
    var spec = csv.getSpec();
    assertThat(spec.getDisplayName()).isNotBlank();
    assertThat(spec.getDescription()).isNotBlank();
    assertThat(spec.getMaturity()).isNotBlank();
    assertThat(spec.getProvider().getName()).isNotBlank();
    assertThat(spec.getMaintainers()).isNotEmpty();
    assertThat(spec.getLinks()).isNotEmpty();
    assertThat(spec.getKeywords()).isNotEmpty();
    assertThat(spec.getMinKubeVersion()).isEqualTo("1.31.0");
    assertThat(spec.getIcon())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getMediatype()).isEqualTo("image/svg+xml");
              assertThat(new String(Base64.getDecoder().decode(i.getBase64data())))
                  .startsWith("<svg");
            });
    assertThat(csv.getMetadata().getAnnotations())
        .containsKeys(
            "capabilities",
            "categories",
            "description",
            "repository",
            "alm-examples",
            "containerImage")
        .containsEntry("operatorframework.io/suggested-namespace", "foo-system");
  }

  @Test
  void annotationsYaml_andTheDockerfileLabels_sayTheSame() {
    Map<String, String> files = bundle.files();
    @SuppressWarnings("unchecked")
    Map<String, String> annotations =
        (Map<String, String>)
            Serialization.unmarshal(files.get("bundle/metadata/annotations.yaml"), Map.class)
                .get("annotations");
    Map<String, String> labels =
        files
            .get("bundle.Dockerfile")
            .lines()
            .filter(l -> l.startsWith("LABEL "))
            .map(l -> l.substring("LABEL ".length()).split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1].replace("\"", "")));

    assertThat(labels).isEqualTo(annotations);
    assertThat(annotations)
        .containsEntry("operators.operatorframework.io.bundle.mediatype.v1", "registry+v1")
        .containsEntry("operators.operatorframework.io.bundle.package.v1", "foo-operator")
        .containsEntry("operators.operatorframework.io.bundle.channels.v1", "candidate")
        .containsEntry("operators.operatorframework.io.bundle.channel.default.v1", "candidate")
        .containsEntry("com.redhat.openshift.versions", "v4.18");
  }

  @Test
  void theDockerfile_copiesEveryBundleFolder() {
    assertThat(bundle.files().get("bundle.Dockerfile"))
        .contains(
            "FROM scratch",
            "COPY bundle/manifests /manifests/",
            "COPY bundle/metadata /metadata/",
            "COPY bundle/tests/scorecard /tests/scorecard/");
  }

  @Test
  void channels_areConfigurable_andTheDefaultMustBeOneOfThem() {
    Bundle multi = TestBundles.bundle("--channels=stable,candidate", "--default-channel=stable");
    assertThat(multi.annotations())
        .containsEntry(BundleMetadata.CHANNELS, "stable,candidate")
        .containsEntry(BundleMetadata.DEFAULT_CHANNEL, "stable");

    assertThatThrownBy(() -> TestBundles.bundle("--channels=candidate", "--default-channel=stable"))
        .hasMessageContaining("not one of the channels");
  }

  @Test
  void manifests_holdNoObjectOlmMakesFromTheCsv() {
    assertThat(bundle.extraManifests())
        .extracting(HasMetadata::getKind)
        .containsExactly("Service", "ServiceMonitor", "ClusterRole");
    assertThat(bundle.extraManifests())
        .allSatisfy(m -> assertThat(m.getMetadata().getNamespace()).isNull());
    assertThat(bundle.files().keySet())
        .containsExactlyInAnyOrder(
            "bundle/manifests/foo-operator.clusterserviceversion.yaml",
            "bundle/manifests/tutorial.my.domain_foos.yaml",
            "bundle/manifests/foo-operator-metrics_v1_service.yaml",
            "bundle/manifests/foo-operator-metrics_monitoring.coreos.com_v1_servicemonitor.yaml",
            "bundle/manifests/foo-operator-metrics-reader_rbac.authorization.k8s.io_v1_clusterrole.yaml",
            "bundle/metadata/annotations.yaml",
            "bundle/tests/scorecard/config.yaml",
            "bundle.Dockerfile");
  }

  @Test
  void theServiceMonitor_scrapesTheMetricsServicesPortOverHttpsWithPrometheussToken() {
    var service =
        bundle.extraManifests().stream()
            .filter(m -> m.getKind().equals("Service"))
            .map(io.fabric8.kubernetes.api.model.Service.class::cast)
            .findFirst()
            .orElseThrow();
    var monitor =
        (io.fabric8.kubernetes.api.model.GenericKubernetesResource)
            bundle.extraManifests().stream()
                .filter(m -> m.getKind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(service.getMetadata().getLabels());
    assertThat(monitor.<String>get("spec", "endpoints", 0, "port"))
        .isEqualTo(service.getSpec().getPorts().get(0).getName());
    assertThat(monitor.<String>get("spec", "endpoints", 0, "scheme")).isEqualTo("https");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "bearerTokenFile"))
        .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount/token");
  }

  @Test
  void theMetricsReaderClusterRole_isShipped_unbound_grantingOnlyGetOnMetrics() {
    var reader =
        (io.fabric8.kubernetes.api.model.rbac.ClusterRole)
            bundle.extraManifests().stream()
                .filter(m -> m.getKind().equals("ClusterRole"))
                .findFirst()
                .orElseThrow();

    assertThat(reader.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getNonResourceURLs()).containsExactly("/metrics");
              assertThat(r.getVerbs()).containsExactly("get");
            });
  }

  @Test
  void theScorecardConfig_runsTheBasicAndOlmSuites() {
    assertThat(bundle.scorecard().stages())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.tests())
                    .extracting(t -> t.labels().get("suite"))
                    .containsOnly("basic", "olm")
                    .contains("basic", "olm"));
  }

  @Test
  void theCsvFile_readsBackAsTheSameCsv() {
    String written = bundle.files().get("bundle/manifests/foo-operator.clusterserviceversion.yaml");
    assertThat(Serialization.unmarshal(written, ClusterServiceVersion.class)).isEqualTo(csv);
  }
}
