package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import my.domain.tutorial.controlplane.HackScript;

/**
 * What a real node runs: kubelet, kube-proxy, kube-controller-manager, kube-scheduler and the pause
 * image as {@code hack/node} provisions them (or finds them cached), and the container runtime from
 * Debian's packages (containerd and ctr, runc, the CNI plugins, docker-registry, iptables).
 */
public record NodeBinaries(
    Path kubelet,
    Path kubeProxy,
    Path kubeControllerManager,
    Path kubeScheduler,
    Path pauseImage,
    Path cniBinDir) {

  /**
   * Set (to anything) where the real-node tier must run: its prerequisites missing is then a
   * failure, not a skip. {@code .ci/run} sets it.
   */
  public static final String REQUIRE_ENV = "FOO_REQUIRE_REAL_NODE";

  /** Where Debian's containernetworking-plugins puts the plugins. */
  public static final Path DEBIAN_CNI_DIR = Path.of("/usr/lib/cni");

  /** The host commands the node runs, each from a Debian package (.ci/run installs them). */
  static final List<String> HOST_COMMANDS =
      List.of(
          "containerd",
          "containerd-shim-runc-v2",
          "ctr",
          "runc",
          "docker-registry",
          "iptables",
          "ip6tables",
          "conntrack",
          "ip",
          "umount");

  /**
   * Why a real node cannot run on this machine (not root, a Debian package missing, no cgroup file
   * system): empty when it can. Says nothing about hack/node's binaries, which {@link #locate()}
   * provisions.
   */
  public static List<String> missingPrerequisites() {
    List<String> missing = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("not root (containerd, the kubelet and kube-proxy need root)");
    }
    for (String command : HOST_COMMANDS) {
      if (onPath(command) == null) {
        missing.add(command + " not on PATH");
      }
    }
    if (!Files.isExecutable(DEBIAN_CNI_DIR.resolve("bridge"))) {
      missing.add(DEBIAN_CNI_DIR + "/bridge missing (containernetworking-plugins)");
    }
    if (!Files.isDirectory(Path.of("/sys/fs/cgroup"))) {
      missing.add("no /sys/fs/cgroup");
    }
    return missing;
  }

  /** Whether this run must have the real-node tier ({@link #REQUIRE_ENV} set). */
  public static boolean required() {
    String value = System.getenv(REQUIRE_ENV);
    return value != null && !value.isBlank();
  }

  static Path onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    return Stream.concat(
            Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /** Runs {@code hack/node --print-dir} (which builds what is not cached) and checks its output. */
  public static NodeBinaries locate() {
    Path dir = HackScript.run("node", "--print-dir").lastLineAsPath();
    Path pause;
    try (Stream<Path> files = Files.list(dir)) {
      pause =
          files
              .filter(f -> f.getFileName().toString().matches("pause-.*\\.tar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no pause image in " + dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    NodeBinaries binaries =
        new NodeBinaries(
            dir.resolve("kubelet"),
            dir.resolve("kube-proxy"),
            dir.resolve("kube-controller-manager"),
            dir.resolve("kube-scheduler"),
            pause,
            DEBIAN_CNI_DIR);
    for (Path p :
        List.of(
            binaries.kubelet,
            binaries.kubeProxy,
            binaries.kubeControllerManager,
            binaries.kubeScheduler)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(p + " is missing or not executable; run hack/node");
      }
    }
    return binaries;
  }

  /** The pause image's name: the docker-archive's tag, {@code foo-operator.local/pause:TAG}. */
  public String pauseImageName() {
    String file = pauseImage.getFileName().toString();
    return "foo-operator.local/pause:" + file.substring("pause-".length(), file.length() - 4);
  }
}
