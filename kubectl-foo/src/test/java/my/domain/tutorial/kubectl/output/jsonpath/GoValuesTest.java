package my.domain.tutorial.kubectl.output.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoValuesTest {
  @ParameterizedTest
  @CsvSource({
    "1000000, 1e+06",
    "100000, 100000",
    "1.5, 1.5",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "123456789, 1.23456789e+08",
    "-2.25, -2.25"
  })
  void floatsPrintAsGosFmtPrintsAFloat64(double value, String go) {
    assertThat(GoValues.formatG(value)).isEqualTo(go);
  }

  @ParameterizedTest
  @CsvSource({"1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7", "0.5, 0.5"})
  void floatsInJsonFollowGosEncoder(double value, String go) {
    assertThat(GoValues.jsonFloat(value)).isEqualTo(go);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"b\":1,\"a\":[\"x\",true,null]}|map[a:[x true <nil>] b:1]",
        "[]|[]",
        "\"text\"|text",
        "2.0|2"
      })
  void sprintIsGosFmtOfTheDecodedValue(String json, String go) throws Exception {
    assertThat(GoValues.sprint(new ObjectMapper().readTree(json))).isEqualTo(go);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"b\":\"<&>\",\"a\":{\"z\":1,\"y\":[1.5]}}|{\"a\":{\"y\":[1.5],\"z\":1},\"b\":\"\\u003c\\u0026\\u003e\"}",
        "\"tab\\tquote\\\"\"|\"tab\\tquote\\\"\""
      })
  void jsonIsGosCompactMarshal(String json, String go) throws Exception {
    assertThat(GoValues.json(new ObjectMapper().readTree(json))).isEqualTo(go);
  }
}
