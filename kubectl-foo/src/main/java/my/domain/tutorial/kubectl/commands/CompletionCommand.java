package my.domain.tutorial.kubectl.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl foo completion bash|zsh|fish}: a script that completes {@code kubectl-foo} in that
 * shell.
 */
@Command(
    name = "completion",
    sortOptions = false,
    description = {
      "Print a shell completion script for kubectl-foo.",
      "bash: source <(kubectl-foo completion bash)   zsh: source <(kubectl-foo completion zsh)",
      "fish: kubectl-foo completion fish | source",
      "For 'kubectl foo <TAB>', kubectl's own completion calls kubectl_complete-foo (installed beside kubectl-foo)."
    })
public final class CompletionCommand implements Callable<Integer> {
  /** Lower case: the values users type. */
  public enum Shell {
    bash,
    zsh,
    fish
  }

  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  public CompletionCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    plugin.out().print(script(shell));
    return ExitCodes.OK;
  }

  public static String script(Shell shell) {
    String resource = "/my/domain/tutorial/kubectl/completion/kubectl-foo." + shell.name();
    try (InputStream in = CompletionCommand.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the plugin's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
