package my.domain.tutorial.kubectl.commands;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import my.domain.tutorial.kubectl.cli.AllNamespacesOption;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.friends.FriendPods;
import my.domain.tutorial.kubectl.friends.FriendsDocument;
import my.domain.tutorial.kubectl.friends.FriendsTable;
import my.domain.tutorial.kubectl.friends.FriendsTable.Friend;
import my.domain.tutorial.kubectl.friends.Seen;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.output.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl foo friends [-A] [-l SELECTOR] [-o wide|json|yaml|name]}: each friend with its
 * Pod's state and the Foos waiting on it.
 */
@Command(
    name = "friends",
    sortOptions = false,
    description =
        "List each friend Pod the Foos name, its state (Running, Pending, Terminating, Missing, ...)"
            + " and the Foos waiting on it.")
public final class FriendsCommand implements Callable<Integer> {
  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  /** Lower case: the values users type. */
  public enum Output {
    wide,
    json,
    yaml,
    name
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "wide (adds the Pods' IP and NODE), json or yaml (the table as a document), name"
              + " (pod/NAME of each friend).")
  Output output;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Only the friends of the Foos whose labels match, as kubectl: -l tier=gold.")
  String selector;

  @Mixin AllNamespacesOption all = new AllNamespacesOption();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public FriendsCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    try (Cluster c = plugin.clients().connect(cluster)) {
      Map<Friend, List<String>> friends =
          FriendsTable.group(
              new FooReads(c)
                  .select(all.allNamespaces(), selector, null, "friends", Objects::trim));
      if (friends.isEmpty()) {
        plugin
            .err()
            .println(
                all.allNamespaces()
                    ? "No resources found"
                    : "No resources found in " + c.namespace() + " namespace.");
        return ExitCodes.OK;
      }
      FriendPods.Reading pods = new FriendPods(c).read(friends.keySet());
      print(friends, pods.seen());
      friends.forEach(
          (friend, foos) -> {
            if (!friend.named()) {
              foos.forEach(
                  foo ->
                      plugin
                          .err()
                          .println(
                              "warning: Foo "
                                  + foo
                                  + " in namespace "
                                  + friend.namespace()
                                  + " names no friend (spec.name is missing); set one: kubectl patch foo "
                                  + foo
                                  + " -n "
                                  + friend.namespace()
                                  + " --type merge -p '{\"spec\":{\"name\":\"POD\"}}'"));
            }
          });
      pods.refused()
          .forEach(
              ns ->
                  plugin
                      .err()
                      .println(
                          "warning: not allowed to get pods in namespace "
                              + ns
                              + "; their state shows as Forbidden (ask for get on pods there)"));
      return ExitCodes.OK;
    }
  }

  private void print(Map<Friend, List<String>> friends, Map<Friend, Seen> states) {
    if (output == Output.json || output == Output.yaml) {
      FriendsDocument doc = FriendsDocument.of(friends, states);
      plugin.out().print(output == Output.json ? Objects.json(doc) : Objects.yaml(doc));
    } else if (output == Output.name) {
      friends.keySet().stream()
          .filter(Friend::named)
          .forEach(f -> plugin.out().println("pod/" + f.name()));
    } else {
      plugin
          .out()
          .print(FriendsTable.render(friends, states, all.allNamespaces(), output == Output.wide));
    }
  }
}
