package my.domain.tutorial.kubectl;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import my.domain.tutorial.kubectl.cli.Plugin;
import my.domain.tutorial.kubectl.commands.CompletionCommand;
import my.domain.tutorial.kubectl.commands.CrdCommand;
import my.domain.tutorial.kubectl.commands.CreateCommand;
import my.domain.tutorial.kubectl.commands.DeleteCommand;
import my.domain.tutorial.kubectl.commands.FriendsCommand;
import my.domain.tutorial.kubectl.commands.GetCommand;
import my.domain.tutorial.kubectl.commands.VersionCommand;
import my.domain.tutorial.kubectl.commands.WhyCommand;
import my.domain.tutorial.kubectl.completion.ClusterNames;
import my.domain.tutorial.kubectl.completion.Completer;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.kube.ApiErrors;
import my.domain.tutorial.kubectl.kube.KubeconfigClientFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl-foo}, run by kubectl as {@code kubectl foo}: builds the command tree, runs it, and
 * turns every failure into one line on stderr and the contract's exit code (a stack trace only with
 * {@code -v}).
 */
@Command(
    name = "kubectl foo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Create Foos, list their friends, and explain why a Foo is unhappy.",
    footer = {"", ExitCodes.SUMMARY})
public final class KubectlFoo implements Callable<Integer> {
  /**
   * The hidden entry point of kubectl's plugin completion protocol (what kubectl_complete-foo
   * calls).
   */
  public static final String COMPLETE = "__complete";

  private final Plugin plugin;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Print the stack trace of a failure, and the HTTP client's warnings, on stderr.")
  boolean verbose;

  @Spec CommandSpec spec;

  KubectlFoo(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(plugin.out());
    return ExitCodes.OK;
  }

  public static void main(String[] args) {
    logging(args);
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Plugin plugin =
        new Plugin(
            out,
            err,
            System.getenv(),
            Clock.systemUTC(),
            new KubeconfigClientFactory(System.getenv()));
    System.exit(
        args.length == 1 && args[0].equals(CdsTraining.COMMAND)
            ? CdsTraining.run()
            : run(plugin, args));
  }

  /**
   * fabric8 logs through SLF4J (slf4j-simple): with {@code -v} its warnings (a credential plugin
   * that failed, a retried request...) go to stderr; without, nothing does, so the output is the
   * plugin's own. Set before the first logger exists.
   */
  static void logging(String[] args) {
    boolean verbose =
        Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "warn" : "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
  }

  /** Runs one invocation; returns the exit code. */
  public static int run(Plugin plugin, String... args) {
    try {
      CommandLine cl = commandLine(plugin);
      if (args.length > 0 && args[0].equals(COMPLETE)) {
        List<String> words = Arrays.asList(args).subList(1, args.length);
        plugin
            .out()
            .print(
                Completer.complete(cl.getCommandSpec(), words, new ClusterNames(plugin.clients()))
                    .render());
        return ExitCodes.OK;
      }
      return cl.execute(args);
    } finally {
      plugin.out().flush();
      plugin.err().flush();
    }
  }

  public static CommandLine commandLine(Plugin plugin) {
    CommandLine cl = new CommandLine(new KubectlFoo(plugin));
    cl.addSubcommand(new CommandLine(new CreateCommand(plugin)));
    cl.addSubcommand(new CommandLine(new GetCommand(plugin)));
    cl.addSubcommand(new CommandLine(new FriendsCommand(plugin)));
    cl.addSubcommand(new CommandLine(new WhyCommand(plugin)));
    cl.addSubcommand(new CommandLine(new DeleteCommand(plugin)));
    cl.addSubcommand(new CommandLine(new VersionCommand(plugin)));
    cl.addSubcommand(new CommandLine(new CompletionCommand(plugin)));
    cl.addSubcommand(new CommandLine(new CrdCommand(plugin)));
    cl.setOut(plugin.out());
    cl.setErr(plugin.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(KubectlFoo::usageError);
    cl.setExecutionExceptionHandler(
        (e, command, parseResult) -> failure(e, command, parseResult, plugin));
    return cl;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    cmd.getErr().println("error: " + ApiErrors.oneLine(e) + "; see '" + name + " --help'");
    return ExitCodes.USAGE;
  }

  private static int failure(
      Exception e, CommandLine command, ParseResult parseResult, Plugin plugin) {
    PluginException p =
        e instanceof PluginException pe
            ? pe
            : ApiErrors.translate(
                e, "run " + command.getCommandSpec().qualifiedName(), "the cluster");
    plugin.err().println("error: " + p.getMessage());
    if (verbose(parseResult)) {
      (p.getCause() != null ? p.getCause() : p).printStackTrace(plugin.err());
    }
    return p.exitCode();
  }

  private static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
