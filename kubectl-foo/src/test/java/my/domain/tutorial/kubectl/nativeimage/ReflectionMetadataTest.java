package my.domain.tutorial.kubectl.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.HandlerInstantiator;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
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
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.FriendsDocument;
import my.domain.tutorial.kubectl.why.Finding;
import my.domain.tutorial.kubectl.why.FindingCode;
import my.domain.tutorial.kubectl.why.WhyList;
import my.domain.tutorial.kubectl.why.WhyReport;
import org.junit.jupiter.api.Test;

/**
 * The native image can only (de)serialize the classes its reflection metadata names. These tests do
 * not trust the walk that writes the metadata: they run real payloads of every kind the plugin
 * reads and writes through fabric8's serialization with a recorder that sees every bean, enum,
 * serializer and deserializer class Jackson actually builds or instantiates (including those named
 * by {@code using=}), and require each of ours or fabric8's to be in the metadata the build put in
 * the jar.
 */
class ReflectionMetadataTest {
  private final Recorder recorder = new Recorder();
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
    assertThat(recorder.classes)
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
    recorder.classes.clear();

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
    assertThat(recorder.classes)
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
    Set<String> missing = new TreeSet<>(recorder.classes);
    missing.removeIf(
        name -> !name.startsWith("io.fabric8.") && !name.startsWith("my.domain.tutorial."));
    missing.removeAll(classesIn("/" + ReflectionMetadata.RESOURCE));
    return missing;
  }

  private static InputStream payload(String name) throws IOException {
    try (InputStream in = ReflectionMetadataTest.class.getResourceAsStream("/payloads/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new ByteArrayInputStream(in.readAllBytes());
    }
  }

  private static Set<String> classesIn(String resource) throws IOException {
    try (InputStream in = ReflectionMetadataTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource + " (written by the build)").isNotNull();
      Set<String> names = new HashSet<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        names.add(entry.get("name").asText());
      }
      return names;
    }
  }

  /**
   * Sees each class Jackson builds a (de)serializer for, and each handler class it instantiates.
   */
  private static final class Recorder extends HandlerInstantiator {
    final Set<String> classes = new ConcurrentSkipListSet<>();

    ObjectMapper mapper() {
      SimpleModule module = new SimpleModule("recorder");
      module.setDeserializerModifier(
          new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config,
                BeanDescription bean,
                JsonDeserializer<?> deserializer) {
              return seen(bean, deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                com.fasterxml.jackson.databind.JavaType type,
                BeanDescription bean,
                JsonDeserializer<?> deserializer) {
              return seen(bean, deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription bean,
                JsonDeserializer<?> deserializer) {
              return seen(bean, deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(
                DeserializationConfig config,
                MapType type,
                BeanDescription bean,
                JsonDeserializer<?> deserializer) {
              return seen(bean, deserializer);
            }
          });
      module.setSerializerModifier(
          new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(
                SerializationConfig config, BeanDescription bean, JsonSerializer<?> serializer) {
              classes.add(bean.getBeanClass().getName());
              return serializer;
            }

            @Override
            public JsonSerializer<?> modifyEnumSerializer(
                SerializationConfig config,
                com.fasterxml.jackson.databind.JavaType type,
                BeanDescription bean,
                JsonSerializer<?> serializer) {
              classes.add(bean.getBeanClass().getName());
              return serializer;
            }
          });
      ObjectMapper mapper = new ObjectMapper();
      mapper.setHandlerInstantiator(this);
      mapper.registerModule(module);
      return mapper;
    }

    private JsonDeserializer<?> seen(BeanDescription bean, JsonDeserializer<?> deserializer) {
      classes.add(bean.getBeanClass().getName());
      return deserializer;
    }

    // Returning null lets Jackson instantiate the class itself, reflectively, as the native image
    // will.
    @Override
    public JsonDeserializer<?> deserializerInstance(
        DeserializationConfig config, Annotated annotated, Class<?> deserClass) {
      classes.add(deserClass.getName());
      return null;
    }

    @Override
    public KeyDeserializer keyDeserializerInstance(
        DeserializationConfig config, Annotated annotated, Class<?> keyDeserClass) {
      classes.add(keyDeserClass.getName());
      return null;
    }

    @Override
    public JsonSerializer<?> serializerInstance(
        SerializationConfig config, Annotated annotated, Class<?> serClass) {
      classes.add(serClass.getName());
      return null;
    }

    @Override
    public TypeResolverBuilder<?> typeResolverBuilderInstance(
        com.fasterxml.jackson.databind.cfg.MapperConfig<?> config,
        Annotated annotated,
        Class<?> builderClass) {
      classes.add(builderClass.getName());
      return null;
    }

    @Override
    public TypeIdResolver typeIdResolverInstance(
        com.fasterxml.jackson.databind.cfg.MapperConfig<?> config,
        Annotated annotated,
        Class<?> resolverClass) {
      classes.add(resolverClass.getName());
      return null;
    }
  }
}
