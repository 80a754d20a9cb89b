package my.domain.tutorial.kubectl.commands;

import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.names.Names;
import my.domain.tutorial.kubectl.output.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl foo delete NAME... | --all | -l SELECTOR [--ignore-not-found] [--wait[=false]]
 * [--dry-run=client|server] [-o name]}: deletes exactly the named (or selected) Foos, nothing else,
 * and prints what kubectl delete prints.
 */
@Command(
    name = "delete",
    sortOptions = false,
    description =
        "Delete the named Foos, or those -l or --all select (only those; their friend Pods stay).")
public final class DeleteCommand implements Callable<Integer> {
  /** Lower case: these are the values users type. */
  public enum DryRun {
    none,
    client,
    server
  }

  /** Lower case: the value users type. */
  public enum Output {
    name
  }

  /** How often {@code --wait} looks whether a deleted Foo is gone. */
  static final long WAIT_POLL_MILLIS = 200;

  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "The Foos to delete.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Delete every Foo in the namespace.")
  boolean all;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Delete the Foos whose labels match, as kubectl: -l tier=gold.")
  String selector;

  @Option(
      names = "--ignore-not-found",
      description = "A named Foo that does not exist is no error (exit 0, nothing printed).")
  boolean ignoreNotFound;

  @Option(
      names = "--wait",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      paramLabel = "BOOL",
      description =
          "Wait until the Foos are gone (default true, as kubectl; --wait=false returns at once).")
  boolean await;

  @Option(
      names = "--dry-run",
      arity = "0..1",
      fallbackValue = "client",
      defaultValue = "none",
      paramLabel = "MODE",
      description =
          "client: print what would be deleted without deleting; server: let the API server check"
              + " the deletion without doing it; none (default): delete.")
  DryRun dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "name: print foo.tutorial.my.domain/NAME for each deleted Foo.")
  Output output;

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public DeleteCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    names.forEach(n -> Names.requireSubdomain("Foo name", n));
    boolean selecting = all || selector != null;
    if (all && selector != null) {
      throw PluginException.usage("use either --all or -l/--selector, not both");
    }
    if (selecting && !names.isEmpty()) {
      throw PluginException.usage(
          "Foos cannot be named together with --all or -l/--selector; name them, or select them");
    }
    if (!selecting && names.isEmpty()) {
      throw PluginException.usage(
          "name the Foos to delete, or select them with -l SELECTOR or --all; see 'kubectl foo"
              + " delete --help'");
    }
    try (Cluster c = plugin.clients().connect(cluster)) {
      FooReads reads = new FooReads(c);
      List<String> targets =
          selecting
              ? reads.select(false, selector, null, "delete", Objects::trim).stream()
                  .map(f -> f.getMetadata().getName())
                  .toList()
              : names.stream().distinct().toList();
      if (selecting && targets.isEmpty()) {
        plugin.out().println("No resources found");
        return ExitCodes.OK;
      }
      int exit = ExitCodes.OK;
      List<String> deleted = new ArrayList<>();
      for (String name : targets) {
        if (delete(c, reads, name)) {
          deleted.add(name);
          print(name, c.namespace());
        } else if (!selecting && !ignoreNotFound) {
          PluginException why = reads.notFound(name);
          if (why.exitCode() != ExitCodes.FOO_NOT_FOUND) {
            throw why;
          }
          plugin.err().println("error: " + why.getMessage());
          exit = ExitCodes.FOO_NOT_FOUND;
        }
      }
      if (await && dryRun == DryRun.none) {
        plugin.out().flush();
        deleted.forEach(name -> awaitGone(c, reads, name));
      }
      return exit;
    }
  }

  /** False when there was no such Foo. A client dry run sends nothing, as kubectl's. */
  private boolean delete(Cluster c, FooReads reads, String name) {
    if (dryRun == DryRun.client) {
      return true;
    }
    Resource<Foo> foo = foo(c, name);
    return !reads
        .call(
            "delete foo " + name + " in namespace " + c.namespace(),
            () -> (dryRun == DryRun.server ? foo.dryRun() : foo).delete())
        .isEmpty();
  }

  private void awaitGone(Cluster c, FooReads reads, String name) {
    while (reads.call(
            "get foo " + name + " in namespace " + c.namespace(), () -> foo(c, name).get())
        != null) {
      try {
        Thread.sleep(WAIT_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PluginException(
            ExitCodes.UNEXPECTED, "interrupted while waiting for foo " + name + " to be gone");
      }
    }
  }

  private static Resource<Foo> foo(Cluster c, String name) {
    return c.client().resources(Foo.class).inNamespace(c.namespace()).withName(name);
  }

  /** kubectl 1.34's words: {@code foo.tutorial.my.domain "foo-01" deleted from NS namespace}. */
  private void print(String name, String namespace) {
    if (output == Output.name) {
      plugin.out().println(Objects.RESOURCE + "/" + name);
      return;
    }
    plugin
        .out()
        .println(
            Objects.RESOURCE
                + " \""
                + name
                + "\" deleted from "
                + namespace
                + " namespace"
                + switch (dryRun) {
                  case client -> " (dry run)";
                  case server -> " (server dry run)";
                  default -> "";
                });
  }
}
