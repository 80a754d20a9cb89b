package my.domain.tutorial.bundle.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The operator-registry CLI ({@code opm}), run as a process: what it prints, or why it failed. */
public record Opm(Path executable) {

  /** {@code opm init}: the {@code olm.package} blob. */
  public String init(String packageName, String defaultChannel) {
    return run("init", packageName, "--default-channel", defaultChannel, "--output", "yaml");
  }

  /**
   * {@code opm render} of a bundle directory: the {@code olm.bundle} blob, with each manifest
   * embedded as an {@code olm.bundle.object} property (which is what lets OLM install it without
   * pulling and unpacking a bundle image).
   */
  public String render(Path bundleDir) {
    return run("render", bundleDir.toString(), "--output", "yaml");
  }

  /** {@code opm validate}: throws with opm's findings unless the catalog is valid. */
  public void validate(Path catalogDir) {
    run("validate", catalogDir.toString());
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("opm-", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(err.toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 min");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " failed with exit code "
                  + process.exitValue()
                  + ":\n"
                  + Files.readString(err).strip());
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running opm", e);
    }
  }
}
