package my.domain.tutorial.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code alm-examples} annotation: the project's samples (config/samples), as a JSON array. */
public final class AlmExamples {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AlmExamples() {}

  /** Every {@code *.yaml} sample in {@code dir}, in file-name order. */
  public static List<GenericKubernetesResource> load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<GenericKubernetesResource> samples =
          files
              .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
              .sorted()
              .map(AlmExamples::read)
              .toList();
      if (samples.isEmpty()) {
        throw new IllegalStateException("no samples in " + dir);
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list samples in " + dir, e);
    }
  }

  private static GenericKubernetesResource read(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file), GenericKubernetesResource.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String json(List<GenericKubernetesResource> samples) {
    try {
      return JSON.writeValueAsString(
          samples.stream().map(s -> JSON.convertValue(s, Object.class)).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the samples as JSON", e);
    }
  }
}
