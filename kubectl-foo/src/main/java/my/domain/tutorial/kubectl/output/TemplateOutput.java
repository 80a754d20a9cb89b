package my.domain.tutorial.kubectl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import my.domain.tutorial.kubectl.errors.PluginException;
import my.domain.tutorial.kubectl.output.jsonpath.JsonPath;
import my.domain.tutorial.kubectl.output.jsonpath.JsonPathException;
import my.domain.tutorial.kubectl.output.jsonpath.Template;
import my.domain.tutorial.kubectl.output.jsonpath.TemplateParser;

/**
 * The {@code -o jsonpath...} and {@code -o custom-columns...} outputs, read (files included) and
 * parsed before any request, so that a template kubectl would refuse is a usage error with nothing
 * sent.
 */
public final class TemplateOutput {
  /** Reads a template file. */
  public interface Reader {
    String read(String file) throws IOException;
  }

  public static final Reader FILES = file -> Files.readString(Path.of(file));

  private final String flag;
  private final String source;
  private final Template template;
  private final List<CustomColumns.Column> columns;

  private TemplateOutput(
      String flag, String source, Template template, List<CustomColumns.Column> columns) {
    this.flag = flag;
    this.source = source;
    this.template = template;
    this.columns = columns;
  }

  /** The template or columns of {@code format}; null for the formats that have none. */
  public static TemplateOutput of(OutputFormat format, Reader files) {
    String flag = "-o " + OutputFormat.flagName(format.kind());
    return switch (format.kind()) {
      case JSONPATH -> jsonPath(flag, format.argument(), null);
      case JSONPATH_FILE -> jsonPath(flag, read(flag, format.argument(), files), format.argument());
      case CUSTOM_COLUMNS -> customColumns(flag, format.argument(), null);
      case CUSTOM_COLUMNS_FILE ->
          customColumns(flag, read(flag, format.argument(), files), format.argument());
      default -> null;
    };
  }

  public boolean isTemplate() {
    return template != null;
  }

  /** A JSONPath template's output for the document (one Foo, or a List of them). */
  public String print(JsonNode document) {
    try {
      return JsonPath.print(template, document);
    } catch (JsonPathException e) {
      throw failed(e);
    }
  }

  /** The custom-columns table of these Foos. */
  public String print(List<JsonNode> foos, boolean headers) {
    try {
      return CustomColumns.render(foos, columns, headers);
    } catch (JsonPathException e) {
      throw failed(e);
    }
  }

  private PluginException failed(JsonPathException e) {
    return PluginException.usage(
        "cannot apply the "
            + flag
            + " template '"
            + oneLine(source)
            + "': "
            + e.getMessage()
            + "; kubectl foo get -o json shows the fields the template walks");
  }

  /** {@code file} is where the text came from, null when it was typed. */
  private static TemplateOutput jsonPath(String flag, String text, String file) {
    try {
      return new TemplateOutput(flag, text, TemplateParser.parse(text), null);
    } catch (JsonPathException e) {
      throw invalid(
          flag,
          text,
          file,
          e,
          "a template such as '{range .items[*]}{.metadata.name}{\"\\n\"}{end}'");
    }
  }

  private static TemplateOutput customColumns(String flag, String text, String file) {
    try {
      return new TemplateOutput(
          flag,
          text,
          null,
          file != null ? CustomColumns.parseFile(text) : CustomColumns.parse(text));
    } catch (JsonPathException e) {
      throw invalid(
          flag,
          text,
          file,
          e,
          file != null
              ? "a line of headers (NAME FRIEND), then a line of paths (.metadata.name .spec.name)"
              : "columns such as NAME:.metadata.name,FRIEND:.spec.name");
    }
  }

  private static PluginException invalid(
      String flag, String text, String file, JsonPathException e, String example) {
    return PluginException.usage(
        "invalid "
            + flag
            + " "
            + (file != null ? file : "'" + oneLine(text) + "'")
            + ": "
            + e.getMessage()
            + "; use "
            + example);
  }

  private static String read(String flag, String file, Reader files) {
    try {
      return files.read(file);
    } catch (NoSuchFileException e) {
      throw PluginException.usage(flag + " file " + file + " does not exist");
    } catch (IOException e) {
      throw PluginException.usage("cannot read the " + flag + " file " + file + ": " + e);
    }
  }

  private static String oneLine(String text) {
    return text.strip().replace("\n", "\\n");
  }
}
