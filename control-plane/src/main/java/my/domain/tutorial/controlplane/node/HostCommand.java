package my.domain.tutorial.controlplane.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One short host command (ip, iptables, umount, runc, ctr...), its output captured. */
final class HostCommand {
  private static final long TIMEOUT_SECONDS = 60;

  /** What a command printed (stdout and stderr together) and how it exited. */
  record Result(List<String> command, int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    /** Throws, quoting the command and its output, unless it exited 0. */
    Result require() {
      if (exit != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + exit + ": " + output.strip());
      }
      return this;
    }
  }

  private HostCommand() {}

  static Result run(String... command) {
    return run(List.of(command));
  }

  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(command, -1, "timed out after " + TIMEOUT_SECONDS + "s");
      }
      return new Result(command, process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(command, 127, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  static void requireRun(String... command) {
    run(command).require();
  }

  static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what, e);
  }
}
