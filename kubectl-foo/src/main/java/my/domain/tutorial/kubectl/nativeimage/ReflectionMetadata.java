package my.domain.tutorial.kubectl.nativeimage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.annotation.NoClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.friends.FriendsDocument;
import my.domain.tutorial.kubectl.why.WhyList;
import my.domain.tutorial.kubectl.why.WhyReport;

/**
 * Derives the native image's reflection metadata from the types the plugin reads and writes, so
 * that the metadata cannot drift from the model: the build runs {@link #main} after compiling and
 * writes the result into the jar (it is never checked in). From each root it follows what Jackson
 * follows at run time: bean properties (both directions) and their type arguments, superclasses and
 * interfaces, and every class a Jackson annotation names
 * ({@code @JsonSerialize}/{@code @JsonDeserialize} {@code using}, {@code contentUsing}, {@code
 * keyUsing}, {@code as}, {@code builder}, {@code converter}; {@code @JsonSubTypes}), because
 * Jackson instantiates those reflectively too.
 */
public final class ReflectionMetadata {
  /**
   * What the plugin's commands read from or write to the API server, kubeconfig files and stdout. A
   * command that starts reading another type adds it here; the native test tier fails until then.
   */
  static final List<Class<?>> ROOTS =
      List.of(
          Foo.class,
          WhyReport.class,
          WhyList.class,
          FriendsDocument.class,
          PodList.class,
          NamespaceList.class,
          Lease.class,
          // why finds the operator by listing Leases with its label.
          LeaseList.class,
          // ...and OLM's ClusterServiceVersions, as generic resources.
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList.class,
          DeploymentList.class,
          ReplicaSetList.class,
          StatefulSetList.class,
          DaemonSetList.class,
          JobList.class,
          Status.class,
          // get -w: fabric8 reads each watch event as one, its object through the Foo class.
          io.fabric8.kubernetes.api.model.WatchEvent.class,
          DeleteOptions.class,
          // fabric8 turns list options into query parameters through Jackson: without its entry the
          // native image sent no labelSelector or fieldSelector at all (found by the native tier).
          ListOptions.class,
          Config.class,
          // An oidc user's refresh: fabric8 reads the issuer's discovery document and token answer
          // into these classes and writes the refreshed kubeconfig back (Config, above). An exec
          // plugin's ExecCredential is read as a JSON tree (ExecCredential in kube/): no class to
          // register.
          io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OpenIdConfiguration.class,
          io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils.OAuthToken.class,
          // What fabric8's KubernetesDeserializer falls back to for a kind it has no class for (the
          // `extensions:` of a kubeconfig, an unknown list item).
          GenericKubernetesResource.class,
          GenericKubernetesResourceList.class,
          RawExtension.class);

  /** Classes fabric8 instantiates by name rather than through Jackson. */
  static final List<String> BY_NAME =
      List.of(
          "io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
          "io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory",
          "io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList");

  /** Where the native image reads it, inside the jar. */
  public static final String RESOURCE =
      "META-INF/native-image/my.domain.tutorial/kubectl-foo/reflect-config.json";

  private final ObjectMapper mapper = Serialization.jsonMapper();
  private final TypeFactory types = mapper.getTypeFactory();
  private final Set<String> seen = new TreeSet<>(BY_NAME);
  private final Deque<JavaType> todo = new ArrayDeque<>();

  private ReflectionMetadata() {}

  /** The names of every class that must be registered for reflection. */
  public static Set<String> required() {
    ReflectionMetadata walk = new ReflectionMetadata();
    ROOTS.forEach(walk::add);
    walk.run();
    return walk.seen;
  }

  private void add(Class<?> type) {
    if (type != null && type != NoClass.class && type != Void.class && type != Object.class) {
      todo.add(types.constructType(type));
    }
  }

  private void run() {
    while (!todo.isEmpty()) {
      JavaType type = todo.pop();
      if (type.isContainerType() || type.isReferenceType()) {
        if (type.getContentType() != null) {
          todo.add(type.getContentType());
        }
        if (type.getKeyType() != null) {
          todo.add(type.getKeyType());
        }
        continue;
      }
      Class<?> raw = type.getRawClass();
      if (!needsMetadata(raw) || !seen.add(raw.getName())) {
        continue;
      }
      for (int i = 0; i < type.containedTypeCount(); i++) {
        todo.add(type.containedType(i));
      }
      add(raw.getSuperclass());
      for (Class<?> i : raw.getInterfaces()) {
        add(i);
      }
      annotationsOf(raw);
      if (raw.isEnum() || raw.isInterface()) {
        continue;
      }
      properties(mapper.getSerializationConfig().introspect(type).findProperties());
      properties(mapper.getDeserializationConfig().introspect(type).findProperties());
    }
  }

  private void properties(List<BeanPropertyDefinition> properties) {
    for (BeanPropertyDefinition p : properties) {
      todo.add(p.getPrimaryType());
      Stream.of(p.getField(), p.getGetter(), p.getSetter(), p.getConstructorParameter())
          .filter(Objects::nonNull)
          .forEach(
              m ->
                  named(
                      m.getAnnotation(JsonSerialize.class),
                      m.getAnnotation(JsonDeserialize.class)));
    }
  }

  private void annotationsOf(AnnotatedElement element) {
    named(element.getAnnotation(JsonSerialize.class), element.getAnnotation(JsonDeserialize.class));
    JsonSubTypes subTypes = element.getAnnotation(JsonSubTypes.class);
    if (subTypes != null) {
      for (JsonSubTypes.Type t : subTypes.value()) {
        add(t.value());
      }
    }
  }

  private void named(JsonSerialize ser, JsonDeserialize deser) {
    if (ser != null) {
      List.of(
              ser.using(),
              ser.contentUsing(),
              ser.keyUsing(),
              ser.nullsUsing(),
              ser.as(),
              ser.contentAs(),
              ser.keyAs(),
              ser.converter(),
              ser.contentConverter())
          .forEach(this::add);
    }
    if (deser != null) {
      List.of(
              deser.using(),
              deser.contentUsing(),
              deser.keyUsing(),
              deser.as(),
              deser.contentAs(),
              deser.keyAs(),
              deser.builder(),
              deser.converter(),
              deser.contentConverter())
          .forEach(this::add);
    }
  }

  /**
   * Our types and fabric8's: the JDK and Jackson types need no entry (the image builder and the
   * reachability metadata repository cover them).
   */
  private static boolean needsMetadata(Class<?> c) {
    String n = c.getName();
    return !c.isPrimitive()
        && !c.isArray()
        && !Annotation.class.isAssignableFrom(c)
        && (n.startsWith("io.fabric8.") || n.startsWith("my.domain.tutorial."));
  }

  /** The reflect-config.json text for {@link #required()}. */
  public static String render() {
    StringBuilder out = new StringBuilder("[\n");
    List<String> names = List.copyOf(required());
    for (int i = 0; i < names.size(); i++) {
      out.append("  {\"name\": \"")
          .append(names.get(i))
          .append(
              "\", \"allDeclaredConstructors\": true,"
                  + " \"allPublicConstructors\": true, \"allDeclaredMethods\": true, \"allPublicMethods\": true,"
                  + " \"allDeclaredFields\": true}")
          .append(i < names.size() - 1 ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  /**
   * The build step: writes the metadata under the class-output folder given as the only argument.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ReflectionMetadata CLASS_OUTPUT_DIR");
    }
    Path target = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(target.getParent());
    String text = render();
    Files.writeString(target, text);
    System.out.println(
        "[kubectl-foo] native-image reflection metadata: "
            + text.lines().filter(l -> l.contains("\"name\"")).count()
            + " classes in "
            + target);
  }
}
