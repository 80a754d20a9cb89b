package my.domain.tutorial.bundle.catalog;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A file-based catalog (the format {@code opm serve} and OLM read) of one package made from bundle
 * directories: {@code <dir>/<package>/package.yaml} ({@code opm init}), one {@code olm.bundle} file
 * per bundle ({@code opm render}) and {@code channels.yaml}, whose upgrade edges come from each
 * CSV's {@code replaces}, {@code skips} and {@code olm.skipRange}. Written, then checked with
 * {@code opm validate}.
 */
public final class FileBasedCatalog {
  private FileBasedCatalog() {}

  /**
   * Writes the catalog of {@code bundles} (oldest first; the last one's default channel is the
   * package's) to {@code dir}, replacing what was there, and validates it.
   */
  public static Path write(Opm opm, Path dir, List<CatalogBundle> bundles) {
    if (bundles.isEmpty()) {
      throw new IllegalArgumentException("a catalog needs at least one bundle");
    }
    CatalogBundle newest = bundles.get(bundles.size() - 1);
    String pkg = newest.packageName();
    for (CatalogBundle b : bundles) {
      if (!b.packageName().equals(pkg)) {
        throw new IllegalArgumentException(
            b.dir() + " belongs to package " + b.packageName() + ", not " + pkg);
      }
    }
    try {
      deleteTree(dir);
      Path packageDir = Files.createDirectories(dir.resolve(pkg));
      String defaultChannel =
          newest.defaultChannel().isBlank() ? newest.channels().get(0) : newest.defaultChannel();
      Files.writeString(packageDir.resolve("package.yaml"), opm.init(pkg, defaultChannel));
      for (CatalogBundle b : bundles) {
        Files.writeString(
            packageDir.resolve(b.csv().getMetadata().getName() + ".yaml"), opm.render(b.dir()));
      }
      StringBuilder channels = new StringBuilder();
      for (Map<String, Object> channel : channels(pkg, bundles)) {
        channels.append(Serialization.asYaml(channel));
      }
      Files.writeString(packageDir.resolve("channels.yaml"), channels.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the catalog to " + dir, e);
    }
    opm.validate(dir);
    return dir;
  }

  /** The {@code olm.channel} blobs: each channel any bundle names, with its bundles in order. */
  static List<Map<String, Object>> channels(String pkg, List<CatalogBundle> bundles) {
    Map<String, List<ChannelEntry>> byChannel = new LinkedHashMap<>();
    for (CatalogBundle b : bundles) {
      for (String channel : b.channels()) {
        byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(b.entry());
      }
    }
    List<Map<String, Object>> blobs = new ArrayList<>();
    byChannel.forEach(
        (name, entries) -> {
          Map<String, Object> blob = new LinkedHashMap<>();
          blob.put("schema", "olm.channel");
          blob.put("package", pkg);
          blob.put("name", name);
          blob.put(
              "entries",
              entries.stream().map(ChannelEntry::asCatalogEntry).collect(Collectors.toList()));
          blobs.add(blob);
        });
    return blobs;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
