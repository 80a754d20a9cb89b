package my.domain.tutorial.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import my.domain.tutorial.kubectl.output.jsonpath.JsonPathException;
import org.junit.jupiter.api.Test;

/** The expected tables are what {@code kubectl get foos -o custom-columns=...} printed. */
class CustomColumnsTest {
  private static List<JsonNode> foos() throws Exception {
    try (InputStream in =
        CustomColumnsTest.class.getResourceAsStream("/payloads/foos-for-templates.json")) {
      List<JsonNode> items = new ArrayList<>();
      new ObjectMapper().readTree(in).get("items").forEach(items::add);
      return items;
    }
  }

  @Test
  void whenCellsHoldMapsListsAndMissingValues_thenTheyPrintAsKubectlPrintsThem() throws Exception {
    String spec =
        "NAME:.metadata.name,LABELS:.metadata.labels,CONDS:.status.conditions[*].type,"
            + "GEN:metadata.generation,HAPPY:{.status.happy},NOTE:.metadata.annotations.empty,"
            + "L:.metadata.labels.*";

    assertThat(CustomColumns.render(foos(), CustomColumns.parse(spec), true))
        .isEqualTo(
            """
            NAME               LABELS                                       CONDS    GEN   HAPPY    NOTE     L
            foo-01             map[app.kubernetes.io/name:shop tier:gold]   Happy    1     false    <none>   shop,gold
            foo-02             map[tier:silver]                             <none>   1     true     <none>   silver
            foo-04             map[tier:gold]                               Happy    1     true              gold
            foo-long-name-03   <none>                                       <none>   1     <none>   <none>   <none>
            """);
  }

  @Test
  void whenReadFromAFile_thenTheFirstLineHoldsTheHeadersAndTheSecondTheirPaths() throws Exception {
    List<CustomColumns.Column> columns =
        CustomColumns.parseFile("NAME   FRIEND\n.metadata.name  .spec.name\n");

    assertThat(CustomColumns.render(foos().subList(0, 2), columns, false))
        .isEqualTo("foo-01   jack\nfoo-02   jill\n");
  }

  @Test
  void whenAPathHoldsAColon_thenOnlyTheFirstColonSeparatesTheHeader() throws Exception {
    assertThat(
            CustomColumns.render(
                foos().subList(0, 1), CustomColumns.parse("NAME:.metadata.name:x"), true))
        .isEqualTo("NAME\n<none>\n");
  }

  @Test
  void whenTheSpecIsMalformed_thenItIsRefusedWithTheReason() {
    assertThatThrownBy(() -> CustomColumns.parse("NAME"))
        .isInstanceOf(JsonPathException.class)
        .hasMessageContaining("unexpected custom-columns spec: 'NAME'");
    assertThatThrownBy(() -> CustomColumns.parse("NAME:.metadata.name,"))
        .hasMessageContaining("unexpected custom-columns spec: ''");
    assertThatThrownBy(() -> CustomColumns.parse("N:{.a}{.b}"))
        .hasMessageContaining("unexpected path string '{.a}{.b}'");
    assertThatThrownBy(() -> CustomColumns.parseFile("NAME FRIEND\n.metadata.name\n"))
        .hasMessage("number of headers (2) and field specifications (1) don't match");
    assertThatThrownBy(() -> CustomColumns.parseFile("NAME\n")).hasMessageContaining("two lines");
  }
}
