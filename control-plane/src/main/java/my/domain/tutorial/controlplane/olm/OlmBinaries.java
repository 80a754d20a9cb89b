package my.domain.tutorial.controlplane.olm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * Where the programs that run Operator Lifecycle Manager on the local control plane are, as {@code
 * hack/olm --print-paths} reports them after provisioning (or finding cached) the pinned versions.
 *
 * @param olmManifests OLM's CRDs and its quickstart {@code olm.yaml}, from the same release
 * @param kwokStages kwok's stage files, which make its fake Node and Pods turn Ready
 */
public record OlmBinaries(
    Path olm,
    Path catalog,
    Path opm,
    Path kubeControllerManager,
    Path kubeScheduler,
    Path kwok,
    Path olmManifests,
    Path kwokStages) {

  public static OlmBinaries locate() {
    Path script = RepoRoot.find().resolve("hack/olm");
    try {
      Process process =
          new ProcessBuilder(script.toString(), "--print-paths")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = process.waitFor();
      if (rc != 0) {
        throw new IllegalStateException(
            script + " failed with exit code " + rc + " (its output above says which step)");
      }
      return fromPaths(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning OLM", e);
    }
  }

  /** Reads the {@code NAME=PATH} lines of {@code hack/olm --print-paths}. */
  static OlmBinaries fromPaths(String printed) {
    Map<String, Path> paths = new HashMap<>();
    printed
        .lines()
        .map(l -> l.split("=", 2))
        .filter(kv -> kv.length == 2)
        .forEach(kv -> paths.put(kv[0].trim(), Path.of(kv[1].trim())));
    OlmBinaries binaries =
        new OlmBinaries(
            required(paths, "olm"),
            required(paths, "catalog"),
            required(paths, "opm"),
            required(paths, "kube-controller-manager"),
            required(paths, "kube-scheduler"),
            required(paths, "kwok"),
            required(paths, "olm-manifests"),
            required(paths, "kwok-stages"));
    for (Path p :
        List.of(
            binaries.olm,
            binaries.catalog,
            binaries.opm,
            binaries.kubeControllerManager,
            binaries.kubeScheduler,
            binaries.kwok)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(p + " is missing or not executable; run hack/olm");
      }
    }
    return binaries;
  }

  private static Path required(Map<String, Path> paths, String name) {
    Path p = paths.get(name);
    if (p == null) {
      throw new IllegalStateException("hack/olm --print-paths did not name " + name);
    }
    return p;
  }
}
