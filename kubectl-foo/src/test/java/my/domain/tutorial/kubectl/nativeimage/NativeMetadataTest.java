package my.domain.tutorial.kubectl.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.FriendsDocument;
import my.domain.tutorial.kubectl.why.Finding;
import my.domain.tutorial.kubectl.why.FindingCode;
import my.domain.tutorial.kubectl.why.WhyList;
import my.domain.tutorial.kubectl.why.WhyReport;
import my.domain.tutorial.nativemetadata.JacksonRecorder;
import org.junit.jupiter.api.Test;

/**
 * The native image can only (de)serialize the classes its reflection metadata names. These tests do
 * not trust the walk that writes the metadata: they run real payloads of every kind the plugin
 * reads and writes through fabric8's serialization with a recorder that sees every bean, enum,
 * serializer and deserializer class Jackson actually builds or instantiates (including those named
 * by {@code using=}), and require each of ours or fabric8's to be in the metadata the build put in
 * the jar.
 */
class NativeMetadataTest {
  private final JacksonRecorder recorder = new JacksonRecorder();
  private final KubernetesSerialization serialization =
      new KubernetesSerialization(recorder.mapper(), true);

  @Test
  void everyClassJacksonTouchesReadingWhatThePluginReads_isInTheJarsMetadata() throws IOException {
    serialization.unmarshal(payload("kubeconfig.yaml"), Config.class);
    serialization.unmarshal(payload("pods.json"), PodList.class);
    serialization.unmarshal(payload("status.json"), Status.class);
    serialization.unmarshal(payload("lease.json"), Lease.class);
    serialization.unmarshal(payload("deployments.json"), DeploymentList.class);
    serialization.unmarshal(
        payload("foos.json"), new TypeReference<DefaultKubernetesResourceList<Foo>>() {});
    serialization.unmarshal(
        payload("watch-event.json"), io.fabric8.kubernetes.api.model.WatchEvent.class);
    // An OIDC issuer's discovery document and answer to a refresh (fabric8's
    // OpenIDConnectionUtils).
    serialization.unmarshal(
        "{\"issuer\":\"https://i\",\"token_endpoint\":\"https://i/token\"}",
        io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OpenIdConfiguration.class);
    serialization.unmarshal(
        "{\"id_token\":\"i\",\"refresh_token\":\"r\",\"access_token\":\"a\"}",
        io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OAuthToken.class);

    assertThat(missingFromTheJar()).isEmpty();
    assertThat(recorder.classes())
        .as("the recorder saw the annotation-named (de)serializers")
        .contains(
            "io.fabric8.kubernetes.api.model.Quantity$Deserializer",
            "io.fabric8.kubernetes.api.model.runtime.RawExtension");
  }

  @Test
  void everyClassJacksonTouchesWritingWhatThePluginWrites_isInTheJarsMetadata() throws IOException {
    PodList pods = serialization.unmarshal(payload("pods.json"), PodList.class);
    List<Foo> foos =
        serialization
            .unmarshal(
                payload("foos.json"), new TypeReference<DefaultKubernetesResourceList<Foo>>() {})
            .getItems();
    recorder.clear();

    serialization.asJson(pods);
    serialization.asYaml(foos.get(0));
    serialization.asJson(new DeleteOptionsBuilder().withPropagationPolicy("Background").build());
    // How fabric8 makes the query of a list with selectors.
    serialization.convertValue(
        new ListOptionsBuilder()
            .withLabelSelector("tier=gold")
            .withFieldSelector("spec.name=jack")
            .build(),
        java.util.Map.class);
    serialization.asJson(
        new WhyReport(
            "default",
            "foo-01",
            true,
            false,
            "FriendNotFound",
            WhyReport.FROM_CLUSTER,
            List.of(new Finding(FindingCode.FriendNotFound, "no pod", "create it"))));
    serialization.asJson(
        new WhyList(
            "default",
            2,
            1,
            java.util.Map.of("FriendNotFound", 1),
            List.of(new Finding(FindingCode.OperatorNotRunning, "no lease", "start it")),
            List.of(
                new WhyReport(
                    "default",
                    "foo-01",
                    true,
                    false,
                    "FriendNotFound",
                    WhyReport.FROM_CLUSTER,
                    List.of()))));
    serialization.asJson(
        new FriendsDocument(
            List.of(
                new FriendsDocument.Item(
                    "default", "jack", "Running", "10.0.0.7", "node-1", List.of("foo-01")))));
    // -o jsonpath and custom-columns walk the Foos (managed fields included) as a JSON tree.
    serialization.convertValue(
        serialization
            .unmarshal(
                payload("foos-for-templates.json"),
                new TypeReference<DefaultKubernetesResourceList<Foo>>() {})
            .getItems(),
        com.fasterxml.jackson.databind.JsonNode.class);
    serialization.asJson(serialization.unmarshal(payload("kubeconfig.yaml"), Config.class));

    assertThat(missingFromTheJar()).isEmpty();
    assertThat(recorder.classes())
        .contains(
            "io.fabric8.kubernetes.api.model.ListOptions",
            "io.fabric8.kubernetes.api.model.Quantity$Serializer",
            WhyReport.class.getName(),
            WhyList.class.getName(),
            FriendsDocument.Item.class.getName(),
            Finding.class.getName(),
            FindingCode.class.getName());
  }

  @Test
  void theImageCarriesEveryCharsetTheYamlReaderLooksUp() throws IOException {
    // snakeyaml-engine's reader resolves the UTF-32 charsets when its class loads, and a native
    // image
    // carries only a few charsets unless told otherwise: reading any kubeconfig would fail.
    assertThat(Charset.isSupported("UTF-32BE")).isTrue();
    Properties properties = new Properties();
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/native-image/my.domain.tutorial/kubectl-foo/native-image.properties")) {
      assertThat(in).isNotNull();
      properties.load(in);
    }
    assertThat(properties.getProperty("Args")).contains("-H:+AddAllCharsets");
  }

  @Test
  void theResourcesThePluginReadsAreIncluded() throws IOException {
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/native-image/my.domain.tutorial/kubectl-foo/resource-config.json")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("version.properties")
          .contains("completion");
    }
  }

  @Test
  void picocliCodegenDescribedTheCommands() throws IOException {
    assertThat(
            classesIn(
                "/META-INF/native-image/picocli-generated/my.domain.tutorial/kubectl-foo/reflect-config.json"))
        .contains(
            "my.domain.tutorial.kubectl.commands.WhyCommand",
            "my.domain.tutorial.kubectl.kube.ClusterOptions");
  }

  private Set<String> missingFromTheJar() throws IOException {
    return recorder.missingFrom(NativeMetadata.RESOURCE, NativeMetadata.PACKAGES);
  }

  private static InputStream payload(String name) throws IOException {
    try (InputStream in = NativeMetadataTest.class.getResourceAsStream("/payloads/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new ByteArrayInputStream(in.readAllBytes());
    }
  }

  private static Set<String> classesIn(String resource) throws IOException {
    return JacksonRecorder.classesIn(resource.substring(1));
  }
}
