package my.domain.tutorial.bundle;

import java.util.List;
import java.util.Map;

/**
 * {@code tests/scorecard/config.yaml}: operator-sdk scorecard's basic and OLM test suites, the set
 * {@code operator-sdk init} scaffolds, pinned to one scorecard-test image.
 */
public record ScorecardConfig(
    String apiVersion, String kind, Map<String, String> metadata, List<Stage> stages) {
  public record Stage(boolean parallel, List<TestSpec> tests) {}

  public record TestSpec(List<String> entrypoint, String image, Map<String, String> labels) {}

  static final List<String> BASIC = List.of("basic-check-spec");
  static final List<String> OLM =
      List.of(
          "olm-bundle-validation",
          "olm-crds-have-validation",
          "olm-crds-have-resources",
          "olm-spec-descriptors",
          "olm-status-descriptors");

  public static ScorecardConfig of(String image) {
    List<TestSpec> tests = new java.util.ArrayList<>();
    BASIC.forEach(t -> tests.add(test(image, "basic", t)));
    OLM.forEach(t -> tests.add(test(image, "olm", t)));
    return new ScorecardConfig(
        "scorecard.operatorframework.io/v1alpha3",
        "Configuration",
        Map.of("name", "config"),
        List.of(new Stage(true, tests)));
  }

  private static TestSpec test(String image, String suite, String test) {
    return new TestSpec(
        List.of("scorecard-test", test), image, Map.of("suite", suite, "test", test + "-test"));
  }
}
