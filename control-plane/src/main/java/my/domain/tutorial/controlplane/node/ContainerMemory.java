package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A container's memory as its cgroup (v1) counts it, found from the host pid of its process: the
 * limit the runtime set, and the working set as the kubelet computes it (usage minus inactive file
 * pages), which is what the limit and evictions act on.
 */
public record ContainerMemory(long limitBytes, long workingSetBytes) {
  public static ContainerMemory of(long pid) throws IOException {
    String path =
        Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).stream()
            .map(l -> l.split(":", 3))
            .filter(f -> List.of(f[1].split(",")).contains("memory"))
            .map(f -> f[2])
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("pid " + pid + " is in no memory cgroup"));
    Path dir = Path.of("/sys/fs/cgroup/memory", path);
    long usage = Long.parseLong(Files.readString(dir.resolve("memory.usage_in_bytes")).trim());
    long inactiveFile =
        Files.readAllLines(dir.resolve("memory.stat")).stream()
            .filter(l -> l.startsWith("total_inactive_file "))
            .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
            .findFirst()
            .orElse(0);
    long limit = Long.parseLong(Files.readString(dir.resolve("memory.limit_in_bytes")).trim());
    return new ContainerMemory(limit, Math.max(0, usage - inactiveFile));
  }
}
