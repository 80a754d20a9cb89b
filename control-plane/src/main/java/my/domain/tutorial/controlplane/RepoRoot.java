package my.domain.tutorial.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout this code runs from: the build passes it in, or it is found by walking up from the
 * working directory.
 */
public final class RepoRoot {
  public static final String PROPERTY = "foo.repo.root";

  private RepoRoot() {}

  public static Path find() {
    Optional<Path> configured =
        Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank()).map(Path::of);
    if (configured.isPresent()) {
      return configured.get().toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("hack/control-plane"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the foo-operator checkout (no hack/control-plane above "
            + Path.of("").toAbsolutePath()
            + "); set -D"
            + PROPERTY
            + "=<checkout>");
  }
}
