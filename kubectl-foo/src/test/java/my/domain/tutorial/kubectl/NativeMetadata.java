package my.domain.tutorial.kubectl;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.why.WhyReport;

/**
 * The reflection metadata the native image needs for what the plugin reads and writes as JSON/YAML:
 * every class Jackson reaches from the roots below (our types and the fabric8 model types the plugin
 * reads), plus the few classes fabric8 loads by name. {@link #main} writes the shipped file;
 * {@code NativeMetadataTest} fails when the shipped file lacks one of them.
 */
public final class NativeMetadata {
  /** What the plugin serializes or deserializes. Add a type here when a command starts reading or writing it. */
  static final List<Class<?>> ROOTS = List.of(Foo.class, WhyReport.class, Pod.class, PodList.class,
      Namespace.class, NamespaceList.class, Lease.class, Deployment.class, ReplicaSet.class, StatefulSet.class,
      DaemonSet.class, Job.class, Status.class, DeleteOptions.class, Config.class);

  /** Classes fabric8 instantiates by name rather than through Jackson. */
  static final List<String> BY_NAME = List.of(
      "io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
      "io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory",
      "io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList",
      "io.fabric8.kubernetes.client.CustomResource");

  public static final Path SHIPPED = Path.of("src/main/resources/META-INF/native-image/my.domain.tutorial/kubectl-foo/"
      + "reflect-config.json");

  private NativeMetadata() {
  }

  /** The names of every class that must be in the reflection metadata. */
  public static Set<String> required() {
    ObjectMapper mapper = Serialization.jsonMapper();
    TypeFactory types = mapper.getTypeFactory();
    Set<String> seen = new TreeSet<>(BY_NAME);
    Deque<JavaType> todo = new ArrayDeque<>();
    ROOTS.forEach(c -> todo.add(types.constructType(c)));
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
      if (!ours(raw) || !seen.add(raw.getName())) {
        continue;
      }
      for (int i = 0; i < type.containedTypeCount(); i++) {
        todo.add(type.containedType(i));
      }
      for (Class<?> superclass = raw.getSuperclass(); superclass != null && ours(superclass);
          superclass = superclass.getSuperclass()) {
        todo.add(types.constructType(superclass));
      }
      if (raw.isEnum()) {
        continue;
      }
      for (BeanPropertyDefinition p : mapper.getSerializationConfig().introspect(type).findProperties()) {
        todo.add(p.getPrimaryType());
      }
      for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(type).findProperties()) {
        todo.add(p.getPrimaryType());
      }
    }
    return seen;
  }

  private static boolean ours(Class<?> c) {
    String n = c.getName();
    return !c.isPrimitive() && !c.isArray() && (n.startsWith("io.fabric8.") || n.startsWith("my.domain.tutorial."));
  }

  /** The reflect-config.json text for {@link #required()}. */
  public static String render() {
    StringBuilder out = new StringBuilder("[\n");
    List<String> names = List.copyOf(required());
    for (int i = 0; i < names.size(); i++) {
      out.append("  {\"name\": \"").append(names.get(i)).append("\", \"allDeclaredConstructors\": true,"
          + " \"allPublicConstructors\": true, \"allDeclaredMethods\": true, \"allPublicMethods\": true,"
          + " \"allDeclaredFields\": true}").append(i < names.size() - 1 ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  /** Regenerates the shipped file: {@code make native-metadata}. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : SHIPPED;
    Files.createDirectories(target.getParent());
    Files.writeString(target, render());
    System.out.println("wrote " + required().size() + " classes to " + target);
  }
}
