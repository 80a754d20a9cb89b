package my.domain.tutorial.kubectl.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/**
 * {@code kubectl foo version}: the plugin's version and the Foo API it speaks. Never contacts a
 * cluster.
 */
@Command(name = "version", description = "Print the plugin's version.")
public final class VersionCommand implements Callable<Integer> {
  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  public VersionCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    plugin.out().println(line());
    return ExitCodes.OK;
  }

  public static String line() {
    return "kubectl-foo " + version() + " (Foo API " + Foo.GROUP + "/" + Foo.VERSION + ")";
  }

  public static String version() {
    Properties p = new Properties();
    try (InputStream in =
        VersionCommand.class.getResourceAsStream(
            "/my/domain/tutorial/kubectl/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  /** For {@code --version} on every command. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line()};
    }
  }
}
