package my.domain.tutorial.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a bundle's files under an output folder, replacing what a previous run wrote. The {@code
 * bundle/} folder is built beside its final place and renamed in, so a reader never sees a
 * half-written bundle, and files a previous run wrote but this one does not are gone.
 */
public final class BundleWriter {
  private BundleWriter() {}

  public static Path write(Bundle bundle, Path outputDirectory) {
    try {
      Files.createDirectories(outputDirectory);
      Path staging = Files.createTempDirectory(outputDirectory, ".bundle-");
      for (Map.Entry<String, String> file : bundle.files().entrySet()) {
        Path target = staging.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      Path dir = outputDirectory.resolve(Bundle.DIR);
      Path old = outputDirectory.resolve(".bundle-old-" + System.nanoTime());
      if (Files.exists(dir)) {
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging.resolve(Bundle.DIR), dir, StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          staging.resolve(Bundle.DOCKERFILE),
          outputDirectory.resolve(Bundle.DOCKERFILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      deleteRecursively(old);
      deleteRecursively(staging);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + outputDirectory, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
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
