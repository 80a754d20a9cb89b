package my.domain.tutorial.kubectl.why;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code why} without a name, for people: each report as {@code why NAME} prints it, separated by a
 * blank line, the operator's findings once (when there are blocks), then a one-line summary.
 */
public final class WhyListText {
  private WhyListText() {}

  public static String render(WhyList list) {
    StringBuilder out = new StringBuilder();
    for (WhyReport r : list.items()) {
      out.append(WhyText.render(r)).append('\n');
    }
    // The operator's findings explain stale statuses; with nothing to explain they would be noise.
    for (Finding f : list.items().isEmpty() ? List.<Finding>of() : list.operator()) {
      out.append('[').append(f.code()).append("] ").append(f.message()).append('\n');
      if (f.fix() != null) {
        out.append("  fix: ").append(f.fix()).append('\n');
      }
      out.append('\n');
    }
    return out.append(summary(list)).append('\n').toString();
  }

  /** "3 of 120 Foos are unhappy: 2 FriendNotFound, 1 FriendTerminating." */
  public static String summary(WhyList list) {
    String where = list.namespace() == null ? "" : " in namespace " + list.namespace();
    if (list.total() == 0) {
      return "No Foos" + where + ".";
    }
    if (list.unhappy() == 0) {
      return (list.total() == 1 ? "The 1 Foo" : "All " + list.total() + " Foos")
          + where
          + (list.total() == 1 ? " is happy." : " are happy.");
    }
    return list.unhappy()
        + " of "
        + list.total()
        + (list.total() == 1 ? " Foo" : " Foos")
        + where
        + (list.unhappy() == 1 ? " is unhappy: " : " are unhappy: ")
        + list.reasons().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))
        + ".";
  }
}
