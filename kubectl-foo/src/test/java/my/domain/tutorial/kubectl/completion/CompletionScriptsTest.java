package my.domain.tutorial.kubectl.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import my.domain.tutorial.kubectl.PluginRun;
import my.domain.tutorial.kubectl.commands.CompletionCommand.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompletionScriptsTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Shell.class)
  void completionPrintsAScriptThatAsksTheHiddenEntryPoint(Shell shell) {
    var r = PluginRun.withEnv(Map.of(), Clock.systemUTC()).run("completion", shell.name());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("__complete").contains("kubectl-foo");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anUnknownShellIsAUsageError() {
    var r = PluginRun.withEnv(Map.of(), Clock.systemUTC()).run("completion", "tcsh");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("tcsh").hasLineCount(1);
  }

  @ParameterizedTest
  @EnumSource(Shell.class)
  void theScriptIsValidSyntaxForItsShell(Shell shell) throws Exception {
    String binary = switch (shell) {
      case bash -> "bash";
      case zsh -> "zsh";
      case fish -> "fish";
    };
    assumeTrue(onPath(binary), binary + " is not installed");
    Path script = dir.resolve("completion." + shell.name());
    Files.writeString(script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(shell));

    Process p = new ProcessBuilder(binary, "-n", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());

    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void theBashScriptCompletesThroughTheEntryPoint() throws Exception {
    assumeTrue(onPath("bash"), "bash is not installed");
    // A stand-in kubectl-foo that answers like the real one, so the shell side is tested alone.
    Path fake = dir.resolve("kubectl-foo");
    Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = __complete ] || exit 1\nshift\necho \"args:$*\" >&2\n"
        + "printf 'get\\tList Foos\\ngrape\\n:4\\n'\n");
    fake.toFile().setExecutable(true);
    Path script = dir.resolve("c.bash");
    Files.writeString(script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(Shell.bash));
    String driver = "source " + script + "\nCOMP_LINE='kubectl-foo g'; COMP_POINT=${#COMP_LINE}\n"
        + "_kubectl_foo_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";

    ProcessBuilder pb = new ProcessBuilder("bash", "-c", driver).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();

    assertThat(out.lines().filter(l -> !l.startsWith("args:"))).containsExactly("get", "grape");
  }

  private static boolean onPath(String binary) throws IOException {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, binary))) {
        return true;
      }
    }
    return false;
  }
}
