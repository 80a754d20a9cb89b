// The summary `make test` prints last: each module's test counts, read from the surefire and
// failsafe XML reports the run just wrote, every skipped test with its reason, and the tiers that
// ran or were skipped. Run with the JDK's source launcher (no build needed):
//   java hack/TestSummary.java [--since EPOCH_MILLIS] [TIER=STATE ...]
// Reports older than --since (left by an earlier run) are ignored.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class TestSummary {
  record Counts(int run, int failed, int skipped) {
    Counts plus(Counts o) {
      return new Counts(run + o.run, failed + o.failed, skipped + o.skipped);
    }
  }

  public static void main(String[] args) throws Exception {
    long since = 0;
    List<String> tiers = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--since")) {
        since = Long.parseLong(args[++i]);
      } else {
        tiers.add(args[i]);
      }
    }
    Map<String, Counts> perSuite = new TreeMap<>();
    Map<String, List<String>> skippedByReason = new TreeMap<>();
    for (Path report : reports(since)) {
      Element suite =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(report.toFile())
              .getDocumentElement();
      NodeList cases = suite.getElementsByTagName("testcase");
      int failed = 0;
      int skip = 0;
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        if (c.getElementsByTagName("failure").getLength() > 0
            || c.getElementsByTagName("error").getLength() > 0) {
          failed++;
        }
        NodeList s = c.getElementsByTagName("skipped");
        if (s.getLength() > 0) {
          skip++;
          String why = ((Element) s.item(0)).getAttribute("message");
          skippedByReason
              .computeIfAbsent(why.isBlank() ? "(no reason given)" : why, k -> new ArrayList<>())
              .add(shortClass(c.getAttribute("classname")) + "." + c.getAttribute("name"));
        }
      }
      String key = suiteName(report);
      perSuite.merge(key, new Counts(cases.getLength(), failed, skip), Counts::plus);
    }
    Counts total = perSuite.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    String bar = "*".repeat(96);
    System.out.println("[summary] " + bar);
    System.out.printf(
        "[summary] %d tests: %d passed, %d failed, %d skipped%n",
        total.run,
        total.run - total.failed - total.skipped,
        total.failed,
        total.skipped);
    perSuite.forEach(
        (k, c) ->
            System.out.printf(
                "[summary]   %-36s %4d run, %d failed, %d skipped%n", k, c.run, c.failed, c.skipped));
    for (String tier : tiers) {
      String[] kv = tier.split("=", 2);
      System.out.printf("[summary] tier %-10s %s%n", kv[0], kv.length > 1 ? kv[1] : "");
    }
    skippedByReason.forEach(
        (why, tests) -> {
          System.out.printf("[summary] %d skipped: %s%n", tests.size(), why);
          tests.stream().sorted().forEach(t -> System.out.println("[summary]   " + t));
        });
    System.out.println("[summary] " + bar);
  }

  private static List<Path> reports(long since) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("."), 4)) {
      files
          .filter(p -> p.getFileName().toString().startsWith("TEST-"))
          .filter(p -> p.getFileName().toString().endsWith(".xml"))
          .filter(p -> p.getParent().getFileName().toString().matches("(surefire|failsafe)-reports.*"))
          .filter(p -> p.toFile().lastModified() >= since)
          .sorted()
          .forEach(found::add);
    }
    return found;
  }

  /** module and report folder: "kubectl-foo failsafe-reports-native". */
  private static String suiteName(Path report) {
    Path dir = report.getParent();
    return dir.getParent().getParent().getFileName() + " " + dir.getFileName();
  }

  private static String shortClass(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
