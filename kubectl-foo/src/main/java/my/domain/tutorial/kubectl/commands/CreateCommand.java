package my.domain.tutorial.kubectl.commands;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.names.Names;
import my.domain.tutorial.kubectl.output.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl foo create NAME --friend POD [--dry-run=client|server] [-o yaml|json|name]}. */
@Command(
    name = "create",
    sortOptions = false,
    description =
        "Create a Foo that befriends the Pod named by --friend (in the Foo's own namespace).")
public final class CreateCommand implements Callable<Integer> {
  /** How far a create goes. Lower case: these are the values users type. */
  public enum DryRun {
    none,
    client,
    server
  }

  /** Lower case: these are the values users type. */
  public enum Output {
    yaml,
    json,
    name
  }

  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The Foo's name (a DNS-1123 subdomain).")
  String name;

  @Option(
      names = "--friend",
      required = true,
      paramLabel = "POD",
      description = "The name of the friend Pod.")
  String friend;

  @Option(
      names = "--dry-run",
      arity = "0..1",
      fallbackValue = "client",
      defaultValue = "none",
      paramLabel = "MODE",
      description =
          "client: print the Foo without sending it; server: let the API server validate it without"
              + " storing it; none (default): create it.")
  DryRun dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "yaml, json or name.")
  Output output;

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public CreateCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    Names.requireSubdomain("Foo name", name);
    Names.requireSubdomain("friend Pod name", friend);
    if (dryRun == DryRun.client) {
      Foo foo = Foo.of(plugin.clients().namespace(cluster), name, friend);
      print(foo, " (dry run)");
      return ExitCodes.OK;
    }
    try (Cluster c = plugin.clients().connect(cluster)) {
      Foo foo = Foo.of(c.namespace(), name, friend);
      String action = "create foo " + name + " in namespace " + c.namespace();
      Foo created;
      try {
        var op = c.client().resources(Foo.class).inNamespace(c.namespace()).resource(foo);
        created = dryRun == DryRun.server ? op.dryRun().create() : op.create();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          throw new PluginException(
              ExitCodes.UNHAPPY_OR_REFUSED,
              "cannot "
                  + action
                  + ": it already exists;"
                  + " pick another name, or delete it first: kubectl foo delete "
                  + name
                  + " -n "
                  + c.namespace(),
              e);
        }
        throw ApiErrors.translate(e, action, c.server());
      }
      print(created, dryRun == DryRun.server ? " (server dry run)" : "");
      return ExitCodes.OK;
    }
  }

  private void print(Foo foo, String suffix) {
    Objects.trim(foo);
    if (output == null) {
      plugin.out().println(Objects.name(foo) + " created" + suffix);
      return;
    }
    switch (output) {
      case yaml -> plugin.out().print(Objects.yaml(foo));
      case json -> plugin.out().print(Objects.json(foo));
      case name -> plugin.out().println(Objects.name(foo));
    }
  }
}
