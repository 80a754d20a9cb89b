package my.domain.tutorial.kubectl.commands;

import java.util.List;
import java.util.concurrent.Callable;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.kubectl.cli.AllNamespacesOption;
import my.domain.tutorial.kubectl.cli.HelpOption;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.Cluster;
import my.domain.tutorial.kubectl.kube.ClusterOptions;
import my.domain.tutorial.kubectl.names.Names;
import my.domain.tutorial.kubectl.output.Objects;
import my.domain.tutorial.kubectl.paging.Pages;
import my.domain.tutorial.kubectl.why.Diagnosis;
import my.domain.tutorial.kubectl.why.Facts;
import my.domain.tutorial.kubectl.why.WhyList;
import my.domain.tutorial.kubectl.why.WhyListText;
import my.domain.tutorial.kubectl.why.WhyReport;
import my.domain.tutorial.kubectl.why.WhyText;
import my.domain.tutorial.kubectl.why.reads.ListedReads;
import my.domain.tutorial.kubectl.why.reads.OperatorLocator;
import my.domain.tutorial.kubectl.why.reads.PointReads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl foo why NAME [-o json]}: the verdict and every finding that explains it, each with
 * a fix; {@code kubectl foo why [-A] [--all] [-o json]}: the same for every unhappy Foo of the
 * namespace (the cluster), worst first, then a summary.
 */
@Command(
    name = "why",
    sortOptions = false,
    description = {
      "Explain whether a Foo is happy, and why not: every finding with a fix. Without NAME: every"
          + " unhappy Foo of the namespace (-A: of the cluster), worst first, then a summary.",
      ExitCodes.WHY_SUMMARY
    })
public final class WhyCommand implements Callable<Integer> {
  /** Lower case: the value users type. */
  public enum Output {
    json
  }

  private final Plugin plugin;

  @Mixin HelpOption help = new HelpOption();

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The Foo to explain (default: every unhappy Foo in the namespace).")
  String name;

  @Option(
      names = "--all",
      description = "Without NAME: explain the happy Foos too, not only the unhappy ones.")
  boolean includeHappy;

  @Mixin AllNamespacesOption all = new AllNamespacesOption();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "json: the same answer as a stable document with the finding codes (without NAME: the"
              + " list, with the counts).")
  Output output;

  @Option(
      names = "--operator-namespace",
      paramLabel = "NAMESPACE",
      description =
          "Where the operator runs (default: found by its leader Lease's label in any namespace"
              + " you may read, else in the Foo's namespace, "
              + OperatorDefaults.NAMESPACE
              + " or OLM's namespaces).")
  String operatorNamespace;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      description =
          "The operator's leader Lease (default: any with the operator's label; with"
              + " --operator-namespace: "
              + OperatorDefaults.LEASE_NAME
              + ").")
  String leaseName;

  @Mixin ClusterOptions cluster = new ClusterOptions();

  public WhyCommand(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    if (name != null) {
      Names.requireSubdomain("Foo name", name);
      if (all.allNamespaces()) {
        throw PluginException.usage(
            "a Foo cannot be explained by name across all namespaces; drop -A, or pass -n"
                + " NAMESPACE");
      }
      if (includeHappy) {
        throw PluginException.usage(
            "--all explains every Foo of the namespace; drop it when naming one Foo");
      }
    }
    if (operatorNamespace != null) {
      Names.requireNamespace(operatorNamespace);
    }
    if (leaseName != null) {
      Names.requireSubdomain("Lease name", leaseName);
    }
    if (name == null) {
      return explainAll();
    }
    try (Cluster c = plugin.clients().connect(cluster)) {
      Facts facts;
      try {
        facts = Facts.of(reads(c, c.namespace()), c.namespace(), name);
      } catch (RuntimeException e) {
        throw ApiErrors.translate(
            e, "explain foo " + name + " in namespace " + c.namespace(), c.server());
      }
      WhyReport report = Diagnosis.diagnose(facts);
      plugin.out().print(output == Output.json ? Objects.json(report) : WhyText.render(report));
      return report.exitCode();
    }
  }

  /**
   * One list of Foos, then the rules of {@code why NAME} on each, over a view that lists each kind
   * once per namespace.
   */
  private int explainAll() {
    try (Cluster c = plugin.clients().connect(cluster)) {
      String namespace = all.allNamespaces() ? null : c.namespace();
      List<Facts> facts;
      try {
        List<Foo> foos =
            Pages.all(
                o ->
                    namespace == null
                        ? c.client().resources(Foo.class).inAnyNamespace().list(o)
                        : c.client().resources(Foo.class).inNamespace(namespace).list(o),
                null,
                null,
                Objects::trim);
        ListedReads view = new ListedReads(reads(c, namespace), namespace == null);
        facts = foos.stream().map(foo -> Facts.of(view, foo)).toList();
      } catch (RuntimeException e) {
        throw ApiErrors.translate(
            e,
            "explain the foos in "
                + (namespace == null ? "all namespaces" : "namespace " + namespace),
            c.server());
      }
      WhyList list = WhyList.of(namespace, facts, includeHappy);
      plugin.out().print(output == Output.json ? Objects.json(list) : WhyListText.render(list));
      return list.exitCode();
    }
  }

  private PointReads reads(Cluster c, String fooNamespace) {
    return new PointReads(
        c.client(),
        plugin.clock(),
        fooNamespace,
        new OperatorLocator.Hint(operatorNamespace, leaseName));
  }
}
