package my.domain.tutorial.operator;

import java.util.ArrayList;
import java.util.List;

/** Why reconciling could not start, as one line for {@code /readyz}. */
final class StartFailure {
  private static final int MAX_LENGTH = 1000;

  private StartFailure() {}

  /**
   * The messages of {@code failure} and its causes, outermost first, each left out when an outer
   * one already contains it (the SDK and the client repeat their causes' messages), joined by
   * {@code ": "}, on one line and at most {@value #MAX_LENGTH} characters.
   */
  static String describe(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 10; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      message = message.replaceAll("\\s+", " ").strip();
      String text = message;
      if (messages.stream().noneMatch(m -> m.contains(text))) {
        messages.add(text);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String line = String.join(": ", messages);
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
  }
}
