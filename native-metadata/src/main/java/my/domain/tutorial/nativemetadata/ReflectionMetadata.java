package my.domain.tutorial.nativemetadata;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.annotation.NoClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Derives a native image's reflection metadata from what a program reads, writes and instantiates,
 * so that the metadata cannot drift from the model: each program's build runs it after compiling,
 * with that program's roots, and writes the result into its jar (it is never checked in). Shared by
 * the plugin and the operator; each keeps only its list of roots.
 *
 * <p>From each Jackson root it follows what Jackson follows at run time: bean properties (both
 * directions) and their type arguments, superclasses and interfaces, and every class a Jackson
 * annotation names ({@code @JsonSerialize}/{@code @JsonDeserialize} {@code using}, {@code
 * contentUsing}, {@code keyUsing}, {@code as}, {@code builder}, {@code converter}; {@code
 * JsonSubTypes}), because Jackson instantiates those reflectively too. From each annotation root it
 * registers every class its members default to (and those of the annotations it nests), which is
 * how a framework configured by annotations (the Java Operator SDK) instantiates its defaults.
 */
public final class ReflectionMetadata {
  private final ObjectMapper mapper;
  private final List<String> packages;
  private final Set<String> seen = new TreeSet<>();
  private final Deque<JavaType> todo = new ArrayDeque<>();

  /**
   * {@code mapper} is the program's own (its modules and settings decide what Jackson sees); only
   * classes in {@code packages} get entries: the JDK's and Jackson's own need none (the image
   * builder and the reachability metadata repository cover them).
   */
  public ReflectionMetadata(ObjectMapper mapper, Collection<String> packages) {
    this.mapper = mapper;
    this.packages = packages.stream().map(p -> p.endsWith(".") ? p : p + ".").toList();
  }

  /** Classes (de)serialized through Jackson, and everything Jackson reaches from them. */
  public ReflectionMetadata jackson(Collection<Class<?>> roots) {
    roots.forEach(this::add);
    walk();
    return this;
  }

  /** Classes instantiated or introspected by name or by reflection, outside Jackson. */
  public ReflectionMetadata byName(Collection<String> names) {
    seen.addAll(names);
    return this;
  }

  /**
   * The classes each annotation's members default to, recursively through nested annotations: what
   * a framework instantiates when a program leaves a setting at its default.
   */
  public ReflectionMetadata annotationDefaults(
      Collection<Class<? extends Annotation>> annotations) {
    Deque<Class<?>> pending = new ArrayDeque<>(annotations);
    Set<Class<?>> done = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      Class<?> annotation = pending.pop();
      if (!done.add(annotation)) {
        continue;
      }
      seen.add(annotation.getName());
      for (Method member : annotation.getDeclaredMethods()) {
        Class<?> type =
            member.getReturnType().isArray()
                ? member.getReturnType().getComponentType()
                : member.getReturnType();
        if (type.isAnnotation()) {
          pending.add(type);
        }
        Object value = member.getDefaultValue();
        Stream<?> values =
            value instanceof Object[] array ? Stream.of(array) : Stream.ofNullable(value);
        values
            .filter(Class.class::isInstance)
            .map(Class.class::cast)
            .filter(this::inPackages)
            .forEach(c -> seen.add(c.getName()));
      }
    }
    return this;
  }

  /** The names of every class that must be registered for reflection. */
  public Set<String> classes() {
    return java.util.Collections.unmodifiableSet(seen);
  }

  private void add(Class<?> type) {
    if (type != null && type != NoClass.class && type != Void.class && type != Object.class) {
      todo.add(mapper.getTypeFactory().constructType(type));
    }
  }

  private void walk() {
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

  private boolean needsMetadata(Class<?> c) {
    return !c.isPrimitive()
        && !c.isArray()
        && !Annotation.class.isAssignableFrom(c)
        && inPackages(c);
  }

  private boolean inPackages(Class<?> c) {
    return packages.stream().anyMatch(c.getName()::startsWith);
  }

  /** The reflect-config.json text for {@link #classes()}. */
  public String render() {
    StringBuilder out = new StringBuilder("[\n");
    List<String> names = List.copyOf(seen);
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
   * Writes {@link #render()} to {@code resource} under the class-output folder {@code classes}, and
   * says so on stdout under {@code program}'s name.
   */
  public void write(String program, Path classes, String resource) throws IOException {
    Path target = classes.resolve(resource);
    Files.createDirectories(target.getParent());
    Files.writeString(target, render());
    System.out.println(
        "["
            + program
            + "] native-image reflection metadata: "
            + seen.size()
            + " classes in "
            + target);
  }
}
