package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import my.domain.tutorial.kubectl.errors.ExitCodes;
import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  @Test
  void whenAFormatTakesAnArgument_thenTheTextAfterTheFirstEqualsSignIsIt() {
    assertThat(OutputFormat.parse("jsonpath={.a}={.b}"))
        .isEqualTo(new OutputFormat(OutputFormat.Kind.JSONPATH, "{.a}={.b}"));
    assertThat(OutputFormat.parse("custom-columns-file=/tmp/c"))
        .isEqualTo(new OutputFormat(OutputFormat.Kind.CUSTOM_COLUMNS_FILE, "/tmp/c"));
    assertThat(OutputFormat.parse(null).kind()).isEqualTo(OutputFormat.Kind.TABLE);
    assertThat(OutputFormat.parse("wide").table()).isTrue();
  }

  @Test
  void whenTheFormatIsUnknownOrLacksItsArgument_thenItIsAUsageError() {
    assertThatThrownBy(() -> OutputFormat.parse("jsonpathx=1"))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("unknown output format 'jsonpathx=1'; use one of: wide,")
        .extracting(e -> ((PluginException) e).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThatThrownBy(() -> OutputFormat.parse("jsonpath="))
        .hasMessage("-o jsonpath needs a template: -o jsonpath='{.items[*].metadata.name}'");
    assertThatThrownBy(() -> OutputFormat.parse("custom-columns"))
        .hasMessageStartingWith("-o custom-columns needs columns");
  }

  @Test
  void whenATemplateFileIsMissingOrMalformed_thenTheErrorNamesTheFile() {
    assertThatThrownBy(
            () ->
                TemplateOutput.of(
                    OutputFormat.parse("jsonpath-file=/no/such"),
                    f -> {
                      throw new NoSuchFileException(f);
                    }))
        .hasMessage("-o jsonpath-file file /no/such does not exist");
    assertThatThrownBy(
            () ->
                TemplateOutput.of(
                    OutputFormat.parse("custom-columns-file=/tmp/cc"), f -> "NAME FRIEND\n.a\n"))
        .hasMessageStartingWith(
            "invalid -o custom-columns-file /tmp/cc: number of headers (2) and field"
                + " specifications (1) don't match; use a line of headers");
  }

  @Test
  void whenATemplateFailsOnTheData_thenTheErrorQuotesTheTemplate() {
    TemplateOutput t = TemplateOutput.of(OutputFormat.parse("jsonpath={.items[1]}"), f -> "");

    assertThatThrownBy(
            () ->
                t.print(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .set(
                            "items",
                            new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode())))
        .hasMessageStartingWith(
            "cannot apply the -o jsonpath template '{.items[1]}': array index out of bounds:"
                + " index 1, length 0");
  }
}
