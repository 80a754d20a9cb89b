package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes away everything a real node leaves on the host, whether it stopped cleanly or a killed run
 * left it: containers (through runc), the node's processes (containerd, its shims, kubelet,
 * kube-proxy, the registry), mounts under the node's folders, kube-proxy's and the kubelet's
 * iptables chains, the bridge and its veths, the node's folders and empty container cgroups. Each
 * step is safe to run when there is nothing to clean.
 */
public final class NodeCleanup {
  private static final Logger log = LoggerFactory.getLogger(NodeCleanup.class);
  private static final List<String> CHAIN_PREFIXES = List.of("KUBE-", "CNI-");

  private final NodeLayout layout;
  private final Optional<Path> kubeProxy;

  public NodeCleanup(NodeLayout layout, Optional<Path> kubeProxy) {
    this.layout = layout;
    this.kubeProxy = kubeProxy;
  }

  /** Everything, in an order where each step frees what the next one needs. */
  public void run() {
    removeContainers();
    killNodeProcesses();
    unmountAll();
    removeIptablesChains();
    removeBridge();
    removeContainerLogLinks();
    deleteFolders();
    removeEmptyCgroups();
  }

  /** What is left on the host: empty when the node left nothing behind. */
  public List<String> leftovers() {
    List<String> left = new ArrayList<>();
    nodeProcesses().forEach(p -> left.add("process " + p.pid() + " " + commandLine(p.pid())));
    mounts().forEach(m -> left.add("mount " + m));
    for (String table : List.of("filter", "nat", "mangle")) {
      for (String iptables : List.of("iptables", "ip6tables")) {
        chains(iptables, table).forEach(c -> left.add(iptables + " -t " + table + " chain " + c));
      }
    }
    if (HostCommand.run("ip", "link", "show", layout.bridge()).ok()) {
      left.add("bridge " + layout.bridge());
    }
    containerLogLinks().forEach(l -> left.add("log link " + l));
    return left;
  }

  /** The kubelet links each container's log from this fixed folder into its podLogsDir. */
  private static final Path CONTAINER_LOG_LINKS = Path.of("/var/log/containers");

  List<Path> containerLogLinks() {
    if (!Files.isDirectory(CONTAINER_LOG_LINKS)) {
      return List.of();
    }
    try (Stream<Path> links = Files.list(CONTAINER_LOG_LINKS)) {
      return links
          .filter(Files::isSymbolicLink)
          .filter(
              l -> {
                try {
                  return Files.readSymbolicLink(l).startsWith(layout.podLogs());
                } catch (IOException e) {
                  return false;
                }
              })
          .toList();
    } catch (IOException e) {
      throw HostCommand.unchecked("cannot list " + CONTAINER_LOG_LINKS, e);
    }
  }

  void removeContainerLogLinks() {
    containerLogLinks().forEach(l -> l.toFile().delete());
  }

  void removeContainers() {
    Path root = layout.runcRoot();
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> namespaces = Files.list(root)) {
      for (Path ns : namespaces.toList()) {
        HostCommand.Result list = HostCommand.run("runc", "--root", ns.toString(), "list", "-q");
        for (String id : list.output().lines().filter(l -> !l.isBlank()).toList()) {
          HostCommand.run("runc", "--root", ns.toString(), "delete", "--force", id.strip());
        }
      }
    } catch (IOException e) {
      log.warn("cannot list runc state in {}: {}", root, e.getMessage());
    }
  }

  void killNodeProcesses() {
    List<ProcessHandle> processes = nodeProcesses();
    if (!processes.isEmpty()) {
      log.info("stopping {} process(es) of the node", processes.size());
    }
    processes.forEach(ProcessHandle::destroyForcibly);
    processes.forEach(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS));
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("process {} did not exit after SIGKILL", p.pid());
      }
    }
  }

  /** Every process whose command line names one of the node's folders, except this JVM's line. */
  List<ProcessHandle> nodeProcesses() {
    Set<Long> mine = new java.util.HashSet<>();
    for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current());
        p.isPresent();
        p = p.get().parent()) {
      mine.add(p.get().pid());
    }
    return ProcessHandle.allProcesses()
        .filter(p -> !mine.contains(p.pid()))
        .filter(p -> mentionsNode(commandLine(p.pid())))
        .toList();
  }

  private boolean mentionsNode(String commandLine) {
    return commandLine.contains(layout.state().toString())
        || commandLine.contains(layout.data().toString());
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** Mount points under the node's folders, deepest first. */
  List<String> mounts() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(l -> l.split(" ")[4].replace("\\040", " "))
          .filter(m -> isUnder(m, layout.state()) || isUnder(m, layout.data()))
          .distinct()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
    } catch (IOException e) {
      throw HostCommand.unchecked("cannot read /proc/self/mountinfo", e);
    }
  }

  private static boolean isUnder(String mount, Path dir) {
    return mount.equals(dir.toString()) || mount.startsWith(dir + "/");
  }

  void unmountAll() {
    // A mount can hide another at the same point: repeat until nothing is left (bounded).
    for (int round = 0; round < 5; round++) {
      List<String> mounts = mounts();
      if (mounts.isEmpty()) {
        return;
      }
      for (String m : mounts) {
        if (!HostCommand.run("umount", m).ok()) {
          HostCommand.run("umount", "-l", m);
        }
      }
    }
  }

  void removeIptablesChains() {
    kubeProxy
        .filter(Files::isExecutable)
        .ifPresent(p -> HostCommand.run(p.toString(), "--cleanup", "--v=0"));
    for (String iptables : List.of("iptables", "ip6tables")) {
      for (String table : List.of("filter", "nat", "mangle")) {
        removeChains(iptables, table);
      }
    }
  }

  private void removeChains(String iptables, String table) {
    List<String> chains = chains(iptables, table);
    if (chains.isEmpty()) {
      return;
    }
    // First every rule that jumps to one of them, from any chain, then the chains themselves.
    String rules = HostCommand.run(iptables, "-t", table, "-S").output();
    rules
        .lines()
        .filter(r -> r.startsWith("-A "))
        .filter(r -> chains.stream().anyMatch(c -> r.contains(" -j " + c)))
        .filter(r -> chains.stream().noneMatch(c -> r.startsWith("-A " + c + " ")))
        .forEach(
            r -> {
              List<String> delete = new ArrayList<>(List.of(iptables, "-t", table, "-D"));
              delete.addAll(splitRule(r.substring(3)));
              HostCommand.run(delete);
            });
    chains.forEach(c -> HostCommand.run(iptables, "-t", table, "-F", c));
    chains.forEach(c -> HostCommand.run(iptables, "-t", table, "-X", c));
  }

  /** iptables -S quotes arguments with spaces (comments): split the way a shell would. */
  private static List<String> splitRule(String rule) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : rule.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (current.length() > 0) {
          parts.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }

  private static List<String> chains(String iptables, String table) {
    HostCommand.Result result = HostCommand.run(iptables, "-t", table, "-S");
    if (!result.ok()) {
      return List.of();
    }
    return result
        .output()
        .lines()
        .filter(l -> l.startsWith("-N "))
        .map(l -> l.substring(3).strip())
        .filter(c -> CHAIN_PREFIXES.stream().anyMatch(c::startsWith))
        .toList();
  }

  void removeBridge() {
    HostCommand.Result ports =
        HostCommand.run("ip", "-o", "link", "show", "master", layout.bridge());
    if (ports.ok()) {
      ports
          .output()
          .lines()
          .map(l -> l.split(":")[1].strip().split("@")[0])
          .forEach(port -> HostCommand.run("ip", "link", "delete", port));
    }
    HostCommand.run("ip", "link", "delete", layout.bridge());
  }

  void deleteFolders() {
    for (Path dir : List.of(layout.state(), layout.data())) {
      if (!mounts().isEmpty()) {
        log.warn("not deleting {}: mounts remain under it: {}", dir, mounts());
        return;
      }
      HostCommand.run("rm", "-rf", "--one-file-system", dir.toString());
    }
  }

  /** containerd puts containers without a cgroup parent under /k8s.io in every hierarchy. */
  void removeEmptyCgroups() {
    Path root = Path.of("/sys/fs/cgroup");
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> hierarchies = Files.list(root)) {
      for (Path h : hierarchies.toList()) {
        Path k8s = h.resolve("k8s.io");
        if (Files.isDirectory(k8s)) {
          try (Stream<Path> children = Files.list(k8s)) {
            children.filter(Files::isDirectory).forEach(c -> c.toFile().delete());
          }
          k8s.toFile().delete();
        }
      }
    } catch (IOException e) {
      log.warn("cannot tidy container cgroups: {}", e.getMessage());
    }
  }
}
