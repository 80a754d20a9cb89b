package my.domain.tutorial.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the checkout's provisioning scripts ({@code hack/NAME}) run as the harness runs them: its
 * progress on this process's stderr as it goes, its answer (paths) read from its stdout.
 */
public final class HackScript {
  private HackScript() {}

  /** What the script answered. */
  public record Result(Path script, int exit, String stdout) {
    /** The answer of a script that succeeded; otherwise a failure naming the script's exit. */
    public String orFail() {
      if (exit != 0) {
        throw new IllegalStateException(
            script + " failed with exit code " + exit + " (its output above says which step)");
      }
      return stdout;
    }

    /** The last line of a successful answer, for scripts that print one folder. */
    public Path lastLineAsPath() {
      String out = orFail().trim();
      if (out.isEmpty()) {
        throw new IllegalStateException(script + " printed nothing on stdout");
      }
      return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
    }
  }

  public static Result run(String name, String... args) {
    Path script = RepoRoot.find().resolve("hack").resolve(name);
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(script, process.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }
}
