package my.domain.tutorial.bundle.catalog;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import my.domain.tutorial.bundle.BundleMetadata;

/**
 * A bundle directory as a catalog sees it: its package, channels and CSV, read from {@code
 * metadata/annotations.yaml} and {@code manifests/}.
 */
public record CatalogBundle(
    Path dir,
    String packageName,
    List<String> channels,
    String defaultChannel,
    ClusterServiceVersion csv) {

  public static CatalogBundle read(Path dir) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata =
          Serialization.unmarshal(
              Files.readString(dir.resolve("metadata/annotations.yaml")), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, String> annotations = (Map<String, String>) metadata.get("annotations");
      if (annotations == null) {
        throw new IllegalStateException(dir + "/metadata/annotations.yaml has no annotations");
      }
      return new CatalogBundle(
          dir,
          required(dir, annotations, BundleMetadata.PACKAGE),
          Arrays.stream(required(dir, annotations, BundleMetadata.CHANNELS).split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .toList(),
          annotations.getOrDefault(BundleMetadata.DEFAULT_CHANNEL, ""),
          csv(dir.resolve("manifests")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundle in " + dir, e);
    }
  }

  public ChannelEntry entry() {
    return ChannelEntry.of(csv);
  }

  private static String required(Path dir, Map<String, String> annotations, String key) {
    String value = annotations.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(dir + "/metadata/annotations.yaml lacks " + key);
    }
    return value;
  }

  private static ClusterServiceVersion csv(Path manifests) throws IOException {
    try (Stream<Path> files = Files.list(manifests)) {
      List<Path> csvs =
          files
              .filter(f -> f.getFileName().toString().endsWith(".clusterserviceversion.yaml"))
              .toList();
      if (csvs.size() != 1) {
        throw new IllegalStateException(
            manifests
                + " must hold exactly one *.clusterserviceversion.yaml, found "
                + csvs.size());
      }
      return Serialization.unmarshal(Files.readString(csvs.get(0)), ClusterServiceVersion.class);
    }
  }
}
