package my.domain.tutorial.kubectl.output.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Templates run on a List of four Foos as the API server returned it; each expected output is what
 * {@code kubectl get foos -o jsonpath=...} (1.34) printed for that same List.
 */
class JsonPathTest {
  static JsonNode foos;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        JsonPathTest.class.getResourceAsStream("/payloads/foos-for-templates.json")) {
      foos = new ObjectMapper().readTree(in);
    }
  }

  private static String run(String template) {
    return JsonPath.print(TemplateParser.parse(template), foos);
  }

  @Test
  void whenAPathCrossesAList_thenItsResultsAreSeparatedBySpaces() {
    assertThat(run("{.items[*].metadata.name}")).isEqualTo("foo-01 foo-02 foo-04 foo-long-name-03");
  }

  @Test
  void whenARangeHasQuotedEscapes_thenEachItemPrintsItsBodyWithTabsAndNewlines() {
    assertThat(run("{range .items[*]}{.metadata.name}{\"\\t\"}{.status.happy}{\"\\n\"}{end}"))
        .isEqualTo("foo-01\tfalse\nfoo-02\ttrue\nfoo-04\ttrue\nfoo-long-name-03\t\n");
  }

  @Test
  void whenAResultIsAListOrAMap_thenItPrintsAsGosCompactJsonWithSortedKeysAndHtmlEscapes() {
    assertThat(run("{.items[*].status.conditions}"))
        .isEqualTo(
            "[{\"lastTransitionTime\":\"2026-12-01T00:00:00Z\",\"message\":\"Pod jack does not"
                + " exist in namespace"
                + " p1\",\"observedGeneration\":1,\"reason\":\"FriendNotFound\",\"status\":\"False\",\"type\":\"Happy\"}]"
                + " []"
                + " [{\"lastTransitionTime\":\"2026-12-01T00:00:00Z\",\"message\":\"ok\",\"observedGeneration\":1,\"reason\":\"FriendFound\",\"status\":\"True\",\"type\":\"Happy\"}]");
    assertThat(run("{.items[2].metadata.annotations}"))
        .isEqualTo("{\"empty\":\"\",\"note\":\"a\\u003cb\\u003e\\u0026c\"}");
  }

  @Test
  void whenASliceAsksForNoItems_thenTheStepEndsThereAsKubectlsDoes() {
    // foo-02 has no conditions: kubectl stops at it, though foo-04 has one.
    assertThat(run("{.items[1:].status.conditions[*].reason}")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{.items[?(@.spec.name==\"jack\")].metadata.name}|foo-01 foo-long-name-03",
        "{.items[?(@.spec.name!='jack')].metadata.name}|foo-02 foo-04",
        "{.items[?(@.status.happy)].metadata.name}|foo-01 foo-02 foo-04",
        "{.items[?(@.status.happy==true)].metadata.name}|foo-02 foo-04",
        "{.items[?(@.metadata.generation>0)].metadata.name}|foo-01 foo-02 foo-04 foo-long-name-03",
        "{.items[*].metadata['name','namespace']}|foo-01 foo-02 foo-04 foo-long-name-03 p1 p1 p1 p1",
        "{.items[*]['metadata.name']}|foo-01 foo-02 foo-04 foo-long-name-03",
        "{.items[*].metadata.labels.app\\.kubernetes\\.io/name}|shop",
        "{.items[*].metadata.labels.*}|shop gold silver gold",
        "{.items[-1:].spec.name.*}|106 97 99 107",
        "{.kind} {.apiVersion} [{.metadata.resourceVersion}]|List v1 []",
        "{.items[0:4:2].metadata.name}|foo-01 foo-04",
        "{.items[0].metadata.generation} {.items[0].status.happy}|1 false",
        ".metadata.name|.metadata.name",
        "{@.kind}{$.kind}{.}|ListList",
        "{.items[*].nope}|``",
        "{range .items[*]}{.metadata.name}|foo-01foo-02foo-04foo-long-name-03",
        "{.items[*].metadata.name}{range .items[*]}[{.spec.name}]{end}|foo-01 foo-02 foo-04 foo-long-name-03[jack][jill][joe][jack]",
        "{.items[?(@.spec.name=='jack')].metadata.name} {'a\"b'}|foo-01 foo-long-name-03 a\"b",
      })
  void theTemplatePrintsWhatKubectlPrinted(String template, String kubectl) {
    assertThat(run(template)).isEqualTo(kubectl);
  }

  @Test
  void whenRangesNest_thenTheInnerRangeRunsOnEachOuterItem() {
    assertThat(
            run(
                "{range .items[*]}{range .status.conditions[*]}{.type}={.status};{end}{'\\n'}{end}"))
        .isEqualTo("Happy=False;\n\nHappy=True;\n\n");
  }

  @Test
  void whenAnIndexIsOutOfBounds_thenItFailsWithKubectlsReason() {
    assertThatThrownBy(() -> run("{.items[5].metadata.name}"))
        .isInstanceOf(JsonPathException.class)
        .hasMessage("array index out of bounds: index 5, length 4");
    assertThatThrownBy(() -> run("{.items[*].status.conditions[0].reason}"))
        .hasMessage("array index out of bounds: index 0, length 0");
  }

  @Test
  void whenAFilterComparesANumberWithAString_thenTheTypesAreIncompatible() {
    assertThatThrownBy(() -> run("{.items[?(@.metadata.generation==\"1\")].metadata.name}"))
        .hasMessage("incompatible types for comparison");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{.items[*].metadata.name|unclosed action",
        "{.items[x]}|invalid array index x",
        "{.items[*].metadata.name}{end}|not in range, nothing to end",
        "{.items[0|unterminated array",
        "{nope}|unrecognized identifier nope",
        "{\"abc}|unterminated quoted string",
        "{.items[?(@.a==1]}|unterminated filter",
      })
  void whenTheTemplateIsMalformed_thenParsingFailsWithTheReason(String template, String reason) {
    assertThatThrownBy(() -> TemplateParser.parse(template))
        .isInstanceOf(JsonPathException.class)
        .hasMessage(reason);
  }
}
