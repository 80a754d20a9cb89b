package my.domain.tutorial.kubectl.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.ClusterOptions;
import my.domain.tutorial.kubectl.cli.ExitCodes;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.cli.PluginException;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.names.Names;
import my.domain.tutorial.kubectl.output.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kubectl foo delete NAME...}: deletes exactly the named Foos, nothing else. */
@Command(
    name = "delete",
    sortOptions = false,
    description = "Delete the named Foos (only those; their friend Pods stay).")
public final class DeleteCommand implements Callable<Integer> {
  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The Foos to delete.")
  List<String> names = new ArrayList<>();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public DeleteCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    names.forEach(n -> Names.requireSubdomain("Foo name", n));
    try (Cluster c = plugin.clients().connect(cluster)) {
      FooReads reads = new FooReads(c);
      int exit = ExitCodes.OK;
      for (String name : names.stream().distinct().toList()) {
        boolean deleted =
            !reads
                .call(
                    "delete foo " + name + " in namespace " + c.namespace(),
                    () ->
                        c.client()
                            .resources(Foo.class)
                            .inNamespace(c.namespace())
                            .withName(name)
                            .delete())
                .isEmpty();
        if (deleted) {
          plugin.out().println(Objects.RESOURCE + " \"" + name + "\" deleted");
        } else {
          PluginException why = reads.notFound(name);
          if (why.exitCode() != ExitCodes.FOO_NOT_FOUND) {
            throw why;
          }
          plugin.err().println("error: " + why.getMessage());
          exit = ExitCodes.FOO_NOT_FOUND;
        }
      }
      return exit;
    }
  }
}
