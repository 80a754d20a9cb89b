package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the data directories the control plane and the node leave behind. */
public final class DirectoryTrees {
  private DirectoryTrees() {}

  /** Deletes {@code dir} and everything in it; a missing {@code dir} is fine. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
