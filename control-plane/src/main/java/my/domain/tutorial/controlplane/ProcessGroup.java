package my.domain.tutorial.controlplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Child processes started together and stopped together, the last started first. */
public final class ProcessGroup implements AutoCloseable {
  private final Path dir;
  private final List<ChildProcess> processes = new ArrayList<>();

  /** {@code dir} holds the processes' pid files and {@code logs/}. */
  public ProcessGroup(Path dir) {
    this.dir = dir;
  }

  public ChildProcess start(String name, List<String> command, Map<String, String> env) {
    ChildProcess process = ChildProcess.start(name, dir, command, env);
    processes.add(process);
    return process;
  }

  /** Throws, naming the log to read, when one of the processes is no longer running. */
  public void requireAlive() {
    processes.forEach(ChildProcess::requireAlive);
  }

  /** The process started as {@code name}. */
  public ChildProcess find(String name) {
    return processes.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no process " + name));
  }

  public List<Path> logs() {
    return processes.stream().map(ChildProcess::logFile).toList();
  }

  /** SIGKILL to all, for a JVM that is going down and cannot wait. */
  public void kill() {
    processes.forEach(ChildProcess::kill);
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
