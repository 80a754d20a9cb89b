package my.domain.tutorial.kubectl.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Answers a completion request in the protocol kubectl uses for plugins (Cobra's {@code
 * __complete}): the words typed after {@code kubectl foo}, the last one being the word to complete,
 * in; candidates (one per line, optionally {@code value<TAB>description}) and a {@code :directive}
 * line out. Subcommands and flags come from the picocli model, so completion never drifts from the
 * commands. Pure apart from the {@link Source} of cluster names.
 */
public final class Completer {
  /** Cobra's ShellCompDirectiveDefault: the shell may fall back to file names. */
  public static final int DEFAULT = 0;

  /** Cobra's ShellCompDirectiveNoFileComp: no file names. */
  public static final int NO_FILE_COMP = 4;

  /**
   * Where names from the cluster come from; every method returns an empty list when it cannot
   * answer.
   */
  public interface Source {
    List<String> fooNames(ClusterOptions options);

    List<String> podNames(ClusterOptions options);

    List<String> namespaces(ClusterOptions options);

    List<String> contexts(ClusterOptions options);

    default List<String> clusters(ClusterOptions options) {
      return List.of();
    }

    default List<String> users(ClusterOptions options) {
      return List.of();
    }
  }

  /** The answer: candidates (value, or value TAB description) and the directive. */
  public record Result(List<String> candidates, int directive) {
    public String render() {
      StringBuilder out = new StringBuilder();
      candidates.forEach(c -> out.append(c).append('\n'));
      return out.append(':').append(directive).append('\n').toString();
    }
  }

  private static final CommandSpec CONNECTION_FLAGS =
      CommandSpec.forAnnotatedObject(new ClusterOptions());

  private Completer() {}

  public static Result complete(CommandSpec root, List<String> args, Source source) {
    List<String> words = args.isEmpty() ? List.of() : args.subList(0, args.size() - 1);
    String toComplete = args.isEmpty() ? "" : args.get(args.size() - 1);

    CommandSpec current = root;
    OptionSpec pending = null;
    int positionals = 0;
    Map<String, String> values = new java.util.HashMap<>();
    boolean endOfOptions = false;
    for (String w : words) {
      if (pending != null) {
        values.put(pending.longestName(), w);
        pending = null;
      } else if (!endOfOptions && w.equals("--")) {
        endOfOptions = true;
      } else if (!endOfOptions && w.startsWith("--") && w.contains("=")) {
        OptionSpec o = current.findOption(w.substring(0, w.indexOf('=')));
        if (o != null) {
          values.put(o.longestName(), w.substring(w.indexOf('=') + 1));
        }
      } else if (!endOfOptions && w.startsWith("-") && w.length() > 1) {
        OptionSpec o = current.findOption(w);
        if (o != null && o.arity().min() > 0) {
          pending = o;
        } else if (o == null && !w.startsWith("--") && w.length() > 2) {
          OptionSpec shortWithValue = current.findOption(w.substring(0, 2));
          if (shortWithValue != null && shortWithValue.arity().min() > 0) {
            values.put(shortWithValue.longestName(), w.substring(2));
          }
        }
      } else if (current == root && root.subcommands().containsKey(w)) {
        current = root.subcommands().get(w).getCommandSpec();
      } else {
        positionals++;
      }
    }
    ClusterOptions cluster = clusterOptions(values);

    if (pending != null) {
      return values(pending, toComplete, "", cluster, source);
    }
    if (toComplete.startsWith("--") && toComplete.contains("=")) {
      String flag = toComplete.substring(0, toComplete.indexOf('='));
      OptionSpec o = current.findOption(flag);
      return o == null
          ? none()
          : values(o, toComplete.substring(flag.length() + 1), flag + "=", cluster, source);
    }
    if (toComplete.startsWith("-")) {
      List<String> flags = new ArrayList<>();
      for (OptionSpec o : current.options()) {
        if (o.hidden()) {
          continue;
        }
        for (String n : o.names()) {
          if (n.startsWith(toComplete)) {
            flags.add(n + describe(o.description()));
          }
        }
      }
      return new Result(flags, NO_FILE_COMP);
    }
    if (current == root) {
      List<String> subs = new ArrayList<>();
      root.subcommands()
          .forEach(
              (name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden() && name.startsWith(toComplete)) {
                  subs.add(name + describe(sub.getCommandSpec().usageMessage().description()));
                }
              });
      return new Result(subs, NO_FILE_COMP);
    }
    List<String> names =
        switch (current.name()) {
          case "get", "delete" -> source.fooNames(cluster);
          case "why" -> positionals == 0 ? source.fooNames(cluster) : List.of();
          case "completion" -> positionals == 0 ? List.of("bash", "zsh", "fish") : List.of();
          default -> List.of();
        };
    return new Result(filter(names, toComplete, ""), NO_FILE_COMP);
  }

  private static Result values(
      OptionSpec option, String typed, String prefix, ClusterOptions cluster, Source source) {
    List<String> candidates =
        switch (option.longestName()) {
          case "--namespace", "--operator-namespace" -> source.namespaces(cluster);
          case "--context" -> source.contexts(cluster);
          case "--cluster" -> source.clusters(cluster);
          case "--user" -> source.users(cluster);
          case "--certificate-authority", "--client-certificate", "--client-key" -> null;
          case "--friend" -> source.podNames(cluster);
          case "--kubeconfig" -> null;
          default -> {
            List<String> fixed = new ArrayList<>();
            if (option.completionCandidates() != null) {
              option.completionCandidates().forEach(fixed::add);
            }
            yield fixed;
          }
        };
    if (candidates == null) {
      return new Result(List.of(), DEFAULT);
    }
    return new Result(filter(candidates, typed, prefix), NO_FILE_COMP);
  }

  /**
   * The connection flags typed so far, so that names come from the cluster the command will talk
   * to.
   */
  private static ClusterOptions clusterOptions(Map<String, String> values) {
    List<String> args = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          if (CONNECTION_FLAGS.findOption(name) != null && !name.equals("--request-timeout")) {
            args.add(name + "=" + value);
          }
        });
    args.add("--request-timeout=3s");
    try {
      return ClusterOptions.parse(args.toArray(String[]::new));
    } catch (RuntimeException badValue) {
      return new ClusterOptions(null, null, null, "3s");
    }
  }

  private static List<String> filter(List<String> candidates, String typed, String prefix) {
    return candidates.stream()
        .filter(c -> c.startsWith(typed))
        .distinct()
        .sorted()
        .map(c -> prefix + c)
        .toList();
  }

  private static String describe(String[] description) {
    if (description == null || description.length == 0 || description[0].isBlank()) {
      return "";
    }
    String first = description[0].replace("${DEFAULT-VALUE}", "").replaceAll("\\s+", " ").trim();
    int end = first.indexOf(". ");
    return "\t" + (end > 0 ? first.substring(0, end) : first.replaceAll("\\.$", ""));
  }

  private static Result none() {
    return new Result(List.of(), NO_FILE_COMP);
  }
}
