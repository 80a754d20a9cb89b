package my.domain.tutorial.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
record Machine(int cores, double memoryGib, String cpu, String java, String kubernetes) {
  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        Stats.round(
            ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize()
                / 1073741824.0),
        cpuModel(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("k8s.version", "1.34.3"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
