package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised child process: output appended to {@code <dir>/logs/<name>.log}, its pid in {@code
 * <dir>/<name>.pid} so that the next run can stop what a killed run left behind, stopped with
 * SIGTERM and, after 15 s, SIGKILL.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts {@code command} with {@code env} added to this JVM's environment. */
  public static ChildProcess start(
      String name, Path dir, List<String> command, Map<String, String> env) {
    Path logFile = dir.resolve("logs").resolve(name + ".log");
    Path pidFile = dir.resolve(name + ".pid");
    try {
      Files.createDirectories(logFile.getParent());
      reapLeftover(pidFile, command.get(0));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      Files.writeString(pidFile, Long.toString(process.pid()));
      log.info("started {} (pid {}), log: {}", name, process.pid(), logFile);
      return new ChildProcess(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** A run that was killed hard leaves its processes holding the ports; stop them first. */
  private static void reapLeftover(Path pidFile, String executable) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle.of(pid)
        .filter(h -> h.info().command().map(executable::equals).orElse(false))
        .ifPresent(
            h -> {
              log.warn("stopping {} (pid {}) left over from an earlier run", executable, pid);
              h.destroy();
              h.onExit()
                  .orTimeout(15, TimeUnit.SECONDS)
                  .exceptionally(
                      e -> {
                        h.destroyForcibly();
                        return h;
                      })
                  .join();
            });
    Files.delete(pidFile);
  }

  public String name() {
    return name;
  }

  /** The process itself, for a supervisor that restarts or signals it. */
  public Process process() {
    return process;
  }

  public Path logFile() {
    return logFile;
  }

  /** Throws, naming the log to read, when the process is no longer running. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + "; see " + logFile);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, for a JVM that is going down and cannot wait. */
  public void kill() {
    process.destroyForcibly();
  }

  @Override
  public void close() {
    stop(process, name);
  }

  /** SIGTERM, and SIGKILL after 15 s; nothing when {@code process} is null or not running. */
  public static void stop(Process process, String name) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        log.warn("{} did not stop on SIGTERM within 15s; killing it", name);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    log.info("stopped {}", name);
  }
}
