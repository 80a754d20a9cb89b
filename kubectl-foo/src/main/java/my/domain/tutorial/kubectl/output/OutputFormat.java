package my.domain.tutorial.kubectl.output;

import java.util.List;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * The value of {@code get -o}: the table (no value), {@code wide}, {@code yaml}, {@code json},
 * {@code name}, or one with an argument: {@code jsonpath=TEMPLATE}, {@code jsonpath-file=FILE},
 * {@code custom-columns=SPEC}, {@code custom-columns-file=FILE}.
 */
public record OutputFormat(Kind kind, String argument) {
  /** What is printed. */
  public enum Kind {
    TABLE,
    WIDE,
    YAML,
    JSON,
    NAME,
    JSONPATH,
    JSONPATH_FILE,
    CUSTOM_COLUMNS,
    CUSTOM_COLUMNS_FILE
  }

  /** The values {@code -o} accepts, as completion offers them. */
  public static final List<String> VALUES =
      List.of(
          "custom-columns=",
          "custom-columns-file=",
          "json",
          "jsonpath=",
          "jsonpath-file=",
          "name",
          "wide",
          "yaml");

  /** For picocli's completion of {@code -o}. */
  public static final class Candidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return VALUES.iterator();
    }
  }

  public static OutputFormat parse(String value) {
    if (value == null) {
      return new OutputFormat(Kind.TABLE, null);
    }
    switch (value) {
      case "wide":
        return new OutputFormat(Kind.WIDE, null);
      case "yaml":
        return new OutputFormat(Kind.YAML, null);
      case "json":
        return new OutputFormat(Kind.JSON, null);
      case "name":
        return new OutputFormat(Kind.NAME, null);
      default:
        break;
    }
    for (Kind kind :
        List.of(Kind.JSONPATH, Kind.JSONPATH_FILE, Kind.CUSTOM_COLUMNS, Kind.CUSTOM_COLUMNS_FILE)) {
      String prefix = flagName(kind);
      if (value.equals(prefix) || value.equals(prefix + "=")) {
        throw PluginException.usage(
            "-o "
                + prefix
                + " needs "
                + switch (kind) {
                  case JSONPATH -> "a template: -o jsonpath='{.items[*].metadata.name}'";
                  case CUSTOM_COLUMNS ->
                      "columns: -o custom-columns=NAME:.metadata.name,FRIEND:.spec.name";
                  default -> "a file: -o " + prefix + "=FILE";
                });
      }
      if (value.startsWith(prefix + "=")) {
        return new OutputFormat(kind, value.substring(prefix.length() + 1));
      }
    }
    throw PluginException.usage(
        "unknown output format '"
            + value
            + "'; use one of: wide, yaml, json, name, jsonpath=TEMPLATE, jsonpath-file=FILE,"
            + " custom-columns=SPEC, custom-columns-file=FILE");
  }

  /** How the user spells this format before its {@code =}. */
  public static String flagName(Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public boolean table() {
    return kind == Kind.TABLE || kind == Kind.WIDE;
  }
}
