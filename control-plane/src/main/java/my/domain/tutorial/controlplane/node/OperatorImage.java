package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * The operator image as releases build it: {@code hack/images}, here on a test base (assembled on
 * this machine instead of UBI), pushed to a registry. The native image ({@code
 * operator/Dockerfile}, what releases ship) from a native executable, or the jar image ({@code
 * operator/jar.Dockerfile}); always said explicitly, so a native executable left in {@code
 * operator/target} never changes which one a test runs.
 */
public final class OperatorImage {
  private OperatorImage() {}

  /**
   * The jar image: builds, pushes to {@code registry} (host:port), returns the digest reference.
   */
  public static String buildAndPush(String registry, String tag) {
    return buildAndPush(registry, tag, Optional.empty());
  }

  /**
   * The native image of {@code nativeExecutable} when present (its test base carries the shared
   * libraries it links, the native-image test kit's among them), else the jar image. Builds, pushes
   * to {@code registry} (host:port), returns the reference with its digest.
   */
  public static String buildAndPush(String registry, String tag, Optional<Path> nativeExecutable) {
    Path script = RepoRoot.find().resolve("hack/images");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    nativeExecutable.ifPresentOrElse(
        exe -> command.addAll(List.of("--native", exe.toAbsolutePath().toString())),
        () -> command.add("--jar"));
    command.addAll(List.of("--test-base", "--registry", registry, "--tag", tag, "--push"));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(RepoRoot.find().toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      int rc = process.waitFor();
      if (rc != 0 || !out.contains("@sha256:")) {
        throw new IllegalStateException(
            script + " failed with exit code " + rc + " (its output above says which step)");
      }
      return out.lines().reduce((a, b) -> b).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted building the operator image", e);
    }
  }
}
