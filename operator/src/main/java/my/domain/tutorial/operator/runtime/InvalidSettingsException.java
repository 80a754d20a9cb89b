package my.domain.tutorial.operator.runtime;

import java.util.List;

/**
 * Thrown at start when the environment holds settings the operator cannot run with; lists every
 * problem.
 */
public class InvalidSettingsException extends RuntimeException {
  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super("invalid operator settings:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
