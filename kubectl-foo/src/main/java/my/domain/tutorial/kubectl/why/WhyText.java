package my.domain.tutorial.kubectl.why;

/** {@code why}'s answer for people: the verdict in one line, then each finding with its fix. */
public final class WhyText {
  private WhyText() {}

  public static String render(WhyReport report) {
    String foo = "Foo " + report.namespace() + "/" + report.name();
    StringBuilder out = new StringBuilder();
    if (!report.exists()) {
      out.append(
          report.has(FindingCode.FooApiNotInstalled)
              ? foo + ": the Foo API is not installed."
              : report.has(FindingCode.FooNotFound)
                  ? foo + " does not exist."
                  : foo + ": could not be read.");
    } else if (report.happy() == null) {
      out.append(foo).append(": no verdict (a check it needs was not allowed).");
    } else {
      out.append(foo)
          .append(report.happy() ? " is happy" : " is not happy")
          .append(" (")
          .append(report.reason())
          .append(WhyReport.FROM_STATUS.equals(report.verdictFrom()) ? ", from its status" : "")
          .append(").");
    }
    out.append("\n");
    for (Finding f : report.findings()) {
      out.append("\n[").append(f.code()).append("] ").append(f.message()).append("\n");
      if (f.fix() != null) {
        out.append("  fix: ").append(f.fix()).append("\n");
      }
    }
    return out.toString();
  }
}
