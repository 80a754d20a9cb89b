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
  @TempDir Path dir;

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
    String binary =
        switch (shell) {
          case bash -> "bash";
          case zsh -> "zsh";
          case fish -> "fish";
        };
    requireShell(binary);
    Path script = dir.resolve("completion." + shell.name());
    Files.writeString(script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(shell));

    Process p =
        new ProcessBuilder(binary, "-n", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());

    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void theBashScriptCompletesThroughTheEntryPoint() throws Exception {
    requireShell("bash");
    standInPlugin();
    Path script = dir.resolve("c.bash");
    Files.writeString(
        script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(Shell.bash));
    String driver =
        "source "
            + script
            + "\nCOMP_LINE='kubectl-foo g'; COMP_POINT=${#COMP_LINE}\n"
            + "_kubectl_foo_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";

    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", driver).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();

    assertThat(out.lines().filter(l -> !l.startsWith("args:"))).containsExactly("get", "grape");
  }

  @Test
  void theZshScriptCompletesThroughTheEntryPoint() throws Exception {
    requireShell("zsh");
    standInPlugin();
    Path script = dir.resolve("c.zsh");
    Files.writeString(
        script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(Shell.zsh));
    // compinit loads zsh's completion system so the script's compdef runs as in a user's shell; the
    // widget's words are set as zle would set them, and _describe (zsh's, which needs a live
    // command line to add matches) is replaced by one that prints what it was given.
    String driver =
        "autoload -U compinit && compinit -u -D\nsource "
            + script
            + "\n"
            + "_describe() { print -rl -- \"${(@P)4}\" }\nwords=(kubectl-foo g); CURRENT=2\n_kubectl_foo\n";

    String out = run("zsh", "-f", "-c", driver);

    assertThat(out.lines()).containsExactly("get:List Foos", "grape");
  }

  @Test
  void theFishScriptCompletesThroughTheEntryPoint() throws Exception {
    requireShell("fish");
    standInPlugin();
    Path script = dir.resolve("c.fish");
    Files.writeString(
        script, my.domain.tutorial.kubectl.commands.CompletionCommand.script(Shell.fish));

    // fish's own completion engine, as at a prompt: complete -C completes a command line.
    String out =
        run("fish", "--no-config", "-c", "source " + script + "; complete -C 'kubectl-foo g'");

    assertThat(out.lines()).containsExactly("get\tList Foos", "grape");
  }

  /**
   * A stand-in kubectl-foo on PATH that answers like the real one, so the shell side is tested
   * alone.
   */
  private void standInPlugin() throws IOException {
    Path fake = dir.resolve("kubectl-foo");
    Files.writeString(
        fake,
        "#!/bin/sh\n[ \"$1\" = __complete ] || exit 1\nshift\necho \"args:$*\" >&2\n"
            + "printf 'get\\tList Foos\\ngrape\\n:4\\n'\n");
    fake.toFile().setExecutable(true);
  }

  private String run(String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    assertThat(p.waitFor()).as(err).isZero();
    return out;
  }

  /**
   * The completion scripts are tested in the shells themselves: where one is missing the test fails
   * in CI (which installs them) and is skipped, visibly, on a developer's machine.
   */
  private static void requireShell(String binary) throws IOException {
    if (!onPath(binary)) {
      String why = binary + " is not installed (apt-get install zsh fish)";
      assertThat(System.getenv("CI")).as(why + "; CI must test every completion script").isNull();
      assumeTrue(false, why);
    }
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
