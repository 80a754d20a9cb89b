package my.domain.tutorial.kubectl.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.CrdInstall;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kubectl foo crd}: the Foo CRD this plugin was built with, as YAML, so a user without the
 * source tree (a krew install) can install the API: {@code kubectl foo crd | kubectl apply -f -}.
 * Never contacts a cluster.
 */
@Command(
    name = "crd",
    description = {
      "Print the Foo CustomResourceDefinition this plugin was built with.",
      "Install it with: " + CrdInstall.COMMAND
    })
public final class CrdCommand implements Callable<Integer> {
  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  public CrdCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    plugin.out().print(yaml());
    return ExitCodes.OK;
  }

  /**
   * The CRD generated from the api module's classes, read from the api jar this plugin runs with.
   */
  public static String yaml() {
    try (InputStream in = CrdCommand.class.getClassLoader().getResourceAsStream(FooCrd.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            FooCrd.RESOURCE + " is missing from the plugin's class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
