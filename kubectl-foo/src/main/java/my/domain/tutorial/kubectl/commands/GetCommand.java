package my.domain.tutorial.kubectl.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.AllNamespacesOption;
import my.domain.tutorial.kubectl.cli.CtrlC;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.names.Names;
import my.domain.tutorial.kubectl.output.FooTable;
import my.domain.tutorial.kubectl.output.Objects;
import my.domain.tutorial.kubectl.output.OutputFormat;
import my.domain.tutorial.kubectl.output.SortBy;
import my.domain.tutorial.kubectl.output.StreamingTable;
import my.domain.tutorial.kubectl.output.TemplateOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl foo get [NAME...] [-o wide|yaml|json|name|jsonpath=T|jsonpath-file=F|
 * custom-columns=SPEC|custom-columns-file=F] [-l SELECTOR] [--field-selector SELECTOR]
 * [--no-headers] [--show-labels] [-L KEY,...] [--sort-by JSONPATH] [-A]}.
 */
@Command(
    name = "get",
    sortOptions = false,
    description =
        "List Foos, or show the named ones: NAME FRIEND HAPPY REASON AGE, as kubectl get does.")
public final class GetCommand implements Callable<Integer> {
  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(
      arity = "0..*",
      paramLabel = "NAME",
      description = "Foos to show (default: all in the namespace).")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = OutputFormat.Candidates.class,
      description =
          "wide, yaml, json, name, jsonpath=TEMPLATE, jsonpath-file=FILE, custom-columns=SPEC or"
              + " custom-columns-file=FILE.")
  String output;

  private OutputFormat format;
  private TemplateOutput template;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description =
          "Only Foos whose labels match, as kubectl: -l app=x, -l 'tier in (a,b)', -l '!canary'.")
  String selector;

  @Option(
      names = "--field-selector",
      paramLabel = "SELECTOR",
      description =
          "Only Foos whose fields match: --field-selector spec.name=jack (also metadata.name,"
              + " metadata.namespace; =, == and != joined by commas).")
  String fieldSelector;

  @Option(names = "--no-headers", description = "Print the table without its header row.")
  boolean noHeaders;

  @Option(
      names = "--show-labels",
      description = "Add a LABELS column with every label of each Foo.")
  boolean showLabels;

  @Option(
      names = {"-L", "--label-columns"},
      paramLabel = "KEY",
      split = ",",
      description =
          "Add a column with the value of each of these labels (comma-separated, repeatable).")
  List<String> labelColumns = new ArrayList<>();

  @Option(
      names = "--sort-by",
      paramLabel = "JSONPATH",
      description =
          "Sort the Foos by this field, as kubectl: --sort-by .spec.name, --sort-by '{.metadata.name}'.")
  String sortBy;

  @Option(
      names = {"-w", "--watch"},
      description =
          "After listing the Foos, print a row for each change (added, changed, deleted) until"
              + " Ctrl-C, as kubectl get -w.")
  boolean watch;

  @Option(
      names = "--watch-only",
      description = "Print a row for each change from now on, without listing the Foos first.")
  boolean watchOnly;

  @Mixin AllNamespacesOption all = new AllNamespacesOption();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public GetCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    names.forEach(n -> Names.requireSubdomain("Foo name", n));
    if (all.allNamespaces() && !names.isEmpty()) {
      throw PluginException.usage(
          "a Foo cannot be fetched by name across all namespaces; drop -A, or pass -n"
              + " NAMESPACE");
    }
    if (!names.isEmpty() && (selector != null || fieldSelector != null)) {
      throw PluginException.usage(
          "Foos cannot be named together with -l/--selector or --field-selector; name them,"
              + " or select them");
    }
    if (sortBy != null) {
      SortBy.parse(sortBy);
    }
    format = OutputFormat.parse(output);
    template = TemplateOutput.of(format, TemplateOutput.FILES);
    if (watch || watchOnly) {
      return watch();
    }
    try (Cluster c = plugin.clients().connect(cluster)) {
      FooReads reads = new FooReads(c);
      List<Foo> foos = new ArrayList<>();
      List<PluginException> missing = new ArrayList<>();
      if (names.isEmpty()) {
        foos.addAll(selected(reads));
      } else {
        for (String n : names) {
          Optional<Foo> foo = reads.get(n);
          if (foo.isPresent()) {
            foos.add(foo.get());
          } else {
            PluginException why = reads.notFound(n);
            if (why.exitCode() != ExitCodes.FOO_NOT_FOUND) {
              throw why;
            }
            missing.add(why);
          }
        }
      }
      print(sortBy == null ? foos : SortBy.sort(foos, sortBy), c.namespace());
      missing.forEach(m -> plugin.err().println("error: " + m.getMessage()));
      return missing.isEmpty() ? ExitCodes.OK : ExitCodes.FOO_NOT_FOUND;
    }
  }

  private void print(List<Foo> foos, String namespace) {
    OutputFormat.Kind kind = format.kind();
    if (kind == OutputFormat.Kind.YAML || kind == OutputFormat.Kind.JSON) {
      if (foos.isEmpty() && !names.isEmpty()) {
        return;
      }
      Object doc = Objects.single(foos, names.size() != 1);
      plugin.out().print(kind == OutputFormat.Kind.YAML ? Objects.yaml(doc) : Objects.json(doc));
      return;
    }
    if (template != null) {
      if (foos.isEmpty() && !names.isEmpty()) {
        return;
      }
      plugin
          .out()
          .print(
              template.isTemplate()
                  ? template.print(Objects.tree(Objects.document(foos, names.size() != 1)))
                  : template.print(foos.stream().map(Objects::tree).toList(), !noHeaders));
      return;
    }
    if (kind == OutputFormat.Kind.NAME) {
      foos.forEach(f -> plugin.out().println(Objects.name(f)));
      return;
    }
    if (foos.isEmpty()) {
      if (names.isEmpty()) {
        plugin
            .err()
            .println(
                all.allNamespaces()
                    ? "No resources found"
                    : "No resources found in " + namespace + " namespace.");
      }
      return;
    }
    plugin
        .out()
        .print(
            FooTable.render(
                foos,
                new FooTable.Columns(
                    all.allNamespaces(),
                    kind == OutputFormat.Kind.WIDE,
                    !noHeaders,
                    labelColumns.stream().filter(l -> !l.isEmpty()).toList(),
                    showLabels),
                plugin.clock().instant()));
  }

  private List<Foo> selected(FooReads reads) {
    // A template or --sort-by may name any field, the managed ones included, as kubectl's do.
    boolean whole = template != null || sortBy != null;
    return reads.select(
        all.allNamespaces(), selector, fieldSelector, "get", whole ? f -> f : Objects::trim);
  }

  /**
   * {@code -w} and {@code --watch-only}: the table, then a row per change, columns as wide as the
   * widest cell so far (kubectl's streaming table).
   */
  private int watch() {
    if (!format.table()) {
      throw PluginException.usage(
          "-w/--watch and --watch-only print the table (or -o wide); drop -o "
              + output
              + " to watch");
    }
    if (names.size() > 1) {
      throw PluginException.usage(
          "-w/--watch follows all the Foos of the namespace or one named Foo; name one, or none");
    }
    String fields = fieldSelector;
    if (names.size() == 1) {
      fields = "metadata.name=" + names.get(0);
    }
    FooTable.Columns columns =
        new FooTable.Columns(
            all.allNamespaces(),
            format.kind() == OutputFormat.Kind.WIDE,
            !noHeaders,
            labelColumns.stream().filter(l -> !l.isEmpty()).toList(),
            showLabels);
    StreamingTable table = new StreamingTable(FooTable.headers(columns), !noHeaders);
    CtrlC.endCleanly(() -> plugin.out().flush());
    try (Cluster c = plugin.clients().connect(cluster)) {
      new FooWatch(c, all.allNamespaces(), selector, fields)
          .run(
              foos -> {
                if (watchOnly) {
                  return;
                }
                if (foos.isEmpty() && names.isEmpty()) {
                  plugin
                      .err()
                      .println(
                          all.allNamespaces()
                              ? "No resources found"
                              : "No resources found in " + c.namespace() + " namespace.");
                  plugin.err().flush();
                  return;
                }
                List<Foo> sorted = sortBy == null ? foos : SortBy.sort(foos, sortBy);
                plugin
                    .out()
                    .print(table.print(FooTable.rows(sorted, columns, plugin.clock().instant())));
                plugin.out().flush();
              },
              foo -> {
                plugin
                    .out()
                    .print(
                        table.print(
                            FooTable.rows(List.of(foo), columns, plugin.clock().instant())));
                plugin.out().flush();
              });
      return ExitCodes.OK;
    }
  }
}
