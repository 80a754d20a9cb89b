package my.domain.tutorial.controlplane.olm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.controlplane.HackScript;

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

  /** {@code hack/olm}'s exit code for "the sources cannot be had here": nothing was built. */
  static final int EXIT_UNAVAILABLE = 3;

  /**
   * Provisions (or finds cached) the pinned versions.
   *
   * @throws OlmUnavailableException where OLM's sources cannot be had: the OLM tier is skipped
   * @throws IllegalStateException where provisioning is broken: a failure, naming the step
   */
  public static OlmBinaries locate() {
    return locate("--print-paths");
  }

  /** Only opm, which writing and validating a catalog needs; the other paths are not checked. */
  public static Path opmOnly() {
    String out = run("--only-opm", "--print-paths");
    return out.lines()
        .filter(l -> l.startsWith("opm="))
        .map(l -> Path.of(l.substring("opm=".length()).trim()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("hack/olm --only-opm did not name opm"));
  }

  private static OlmBinaries locate(String... args) {
    return fromPaths(run(args));
  }

  private static String run(String... args) {
    HackScript.Result r = HackScript.run("olm", args);
    if (r.exit() == EXIT_UNAVAILABLE) {
      throw new OlmUnavailableException(skipReason(r.stdout()));
    }
    return r.orFail();
  }

  /** The reason hack/olm gives on stdout when it skips: what a skipped test should report. */
  static String skipReason(String answer) {
    return answer
        .lines()
        .filter(l -> l.startsWith("unavailable="))
        .map(l -> l.substring("unavailable=".length()))
        .findFirst()
        .orElse("OLM TIER SKIPPED: hack/olm says OLM's sources cannot be had on this machine");
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
