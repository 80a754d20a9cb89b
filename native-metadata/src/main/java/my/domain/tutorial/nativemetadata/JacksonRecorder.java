package my.domain.tutorial.nativemetadata;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.HandlerInstantiator;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The check on {@link ReflectionMetadata}, for tests: an {@link ObjectMapper} that records every
 * class Jackson builds a (de)serializer for (beans, enums, containers) and every handler class it
 * instantiates (those named by {@code using=} and the like), so that a test can run real payloads
 * through a program's real serialization and require each recorded class to be in the metadata the
 * build wrote. It does not trust the walk that wrote the metadata.
 */
public final class JacksonRecorder extends HandlerInstantiator {
  private final Set<String> classes = new ConcurrentSkipListSet<>();

  /** A mapper that records into this recorder; hand it to the program's serialization. */
  public ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("recorder");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deser) {
            return seen(bean, deser);
          }

          @Override
          public JsonDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription bean,
              JsonDeserializer<?> deser) {
            return seen(bean, deser);
          }

          @Override
          public JsonDeserializer<?> modifyCollectionDeserializer(
              DeserializationConfig config,
              CollectionType type,
              BeanDescription bean,
              JsonDeserializer<?> deser) {
            return seen(bean, deser);
          }

          @Override
          public JsonDeserializer<?> modifyMapDeserializer(
              DeserializationConfig config,
              MapType type,
              BeanDescription bean,
              JsonDeserializer<?> deser) {
            return seen(bean, deser);
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
              JavaType type,
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

  /** What was recorded so far. */
  public Set<String> classes() {
    return classes;
  }

  /** Forgets what was recorded, say after reading what a test then writes. */
  public void clear() {
    classes.clear();
  }

  /**
   * The recorded classes in {@code packages} that the reflect-config.json at {@code resource} (on
   * the class path, where the build wrote it) does not name.
   */
  public Set<String> missingFrom(String resource, Collection<String> packages) throws IOException {
    Set<String> missing = new TreeSet<>(classes);
    missing.removeIf(name -> packages.stream().noneMatch(name::startsWith));
    missing.removeAll(classesIn(resource));
    return missing;
  }

  /** The class names a reflect-config.json on the class path names. */
  public static Set<String> classesIn(String resource) throws IOException {
    try (InputStream in = JacksonRecorder.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the class path (the build writes it)");
      }
      Set<String> names = new HashSet<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        names.add(entry.get("name").asText());
      }
      return names;
    }
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
      MapperConfig<?> config, Annotated annotated, Class<?> builderClass) {
    classes.add(builderClass.getName());
    return null;
  }

  @Override
  public TypeIdResolver typeIdResolverInstance(
      MapperConfig<?> config, Annotated annotated, Class<?> resolverClass) {
    classes.add(resolverClass.getName());
    return null;
  }
}
