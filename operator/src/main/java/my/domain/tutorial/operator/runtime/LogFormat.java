package my.domain.tutorial.operator.runtime;

/**
 * How the operator writes its log: readable lines for people, or one JSON object per line for
 * collectors.
 */
public enum LogFormat {
  TEXT,
  JSON
}
