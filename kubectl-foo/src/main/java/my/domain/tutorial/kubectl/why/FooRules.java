package my.domain.tutorial.kubectl.why;

import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.kubectl.errors.CrdInstall;
import my.domain.tutorial.kubectl.names.CloseNames;

/** Findings about the Foo itself when there is none to judge: no API, or no Foo of that name. */
final class FooRules {
  private FooRules() {}

  /** {@code FooApiNotInstalled}: the cluster does not serve Foos. */
  static Finding apiNotInstalled() {
    return new Finding(
        FindingCode.FooApiNotInstalled,
        "The Foo API (" + FooCrd.NAME + "/" + Foo.VERSION + ") is not installed on this cluster.",
        "install the CRD: " + CrdInstall.COMMAND + ", then create the Foo");
  }

  /** {@code FooNotFound}, with the names close to the one asked for. */
  static Finding notFound(Facts facts) {
    List<String> close =
        facts
            .fooNames()
            .found()
            .map(names -> CloseNames.closeTo(facts.name(), names))
            .orElse(List.of());
    String ns = facts.namespace();
    return new Finding(
        FindingCode.FooNotFound,
        "There is no Foo "
            + facts.name()
            + " in namespace "
            + ns
            + "."
            + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?"),
        close.isEmpty()
            ? "list the Foos (kubectl foo get -n "
                + ns
                + ", or -A for every namespace), or create it: kubectl foo"
                + " create "
                + facts.name()
                + " --friend POD -n "
                + ns
            : "ask about the one you meant: kubectl foo why " + close.get(0) + " -n " + ns);
  }
}
