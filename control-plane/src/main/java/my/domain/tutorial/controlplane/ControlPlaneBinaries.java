package my.domain.tutorial.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where etcd, kube-apiserver and kubectl are. {@code FOO_CONTROL_PLANE_BIN} names a folder that has
 * them; otherwise {@code hack/control-plane} provisions (or just finds, when cached) the pinned
 * versions and prints their folder.
 */
public record ControlPlaneBinaries(Path dir) {
  public static final String BIN_ENV = "FOO_CONTROL_PLANE_BIN";

  public Path etcd() {
    return dir.resolve("etcd");
  }

  public Path kubeApiServer() {
    return dir.resolve("kube-apiserver");
  }

  public Path kubectl() {
    return dir.resolve("kubectl");
  }

  public static ControlPlaneBinaries locate() {
    Optional<Path> fromEnv =
        Optional.ofNullable(System.getenv(BIN_ENV)).filter(s -> !s.isBlank()).map(Path::of);
    ControlPlaneBinaries binaries =
        new ControlPlaneBinaries(fromEnv.orElseGet(ControlPlaneBinaries::provision));
    for (Path p : List.of(binaries.etcd(), binaries.kubeApiServer(), binaries.kubectl())) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            p
                + " is missing or not executable; run hack/control-plane"
                + (fromEnv.isPresent() ? " or fix " + BIN_ENV : ""));
      }
    }
    return binaries;
  }

  private static Path provision() {
    return HackScript.run("control-plane", "--print-dir").lastLineAsPath();
  }
}
