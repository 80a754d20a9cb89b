package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * The operator image as releases build it: {@code hack/images} on {@code operator/Dockerfile}, here
 * on the test base (a JRE assembled from this machine's JDK instead of UBI), pushed to a registry.
 */
public final class OperatorImage {
  private OperatorImage() {}

  /** Builds, pushes to {@code registry} (host:port), returns the reference with its digest. */
  public static String buildAndPush(String registry, String tag) {
    Path script = RepoRoot.find().resolve("hack/images");
    try {
      Process process =
          new ProcessBuilder(
                  script.toString(), "--test-base", "--registry", registry, "--tag", tag, "--push")
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
