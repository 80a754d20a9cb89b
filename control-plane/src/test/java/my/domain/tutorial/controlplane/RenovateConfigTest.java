package my.domain.tutorial.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renovate keeps the tools that hack/ builds from source current only where its regex manager finds
 * their pinned versions. A version added to a script without its {@code # renovate:} line would
 * silently stay behind; these tests apply renovate.json's own patterns to the files as Renovate
 * does and require every pin to be found.
 */
class RenovateConfigTest {
  /** How the scripts pin a tool: {@code NAME_VERSION="${NAME_VERSION:-1.2.3}"}. */
  private static final Pattern SCRIPT_PIN =
      Pattern.compile("^([A-Z0-9_]+_VERSION)=\"\\$\\{\\1:-([^}]+)\\}\"$", Pattern.MULTILINE);

  private static final Pattern POM_K8S = Pattern.compile("<k8s\\.version>([^<]+)</k8s\\.version>");

  private static Path root;
  private static JsonNode regexManager;

  @BeforeAll
  static void readConfig() throws IOException {
    root = RepoRoot.find();
    JsonNode config = new ObjectMapper().readTree(root.resolve("renovate.json").toFile());
    regexManager = config.path("customManagers").get(0);
    assertThat(regexManager.path("customType").asText()).isEqualTo("regex");
    assertThat(config.path("enabledManagers").toString())
        .contains("\"maven\"", "\"github-actions\"", "\"gomod\"", "\"custom.regex\"");
  }

  @Test
  void everyToolVersionPinnedInHackScripts_isFoundByRenovate() throws IOException {
    List<Path> scripts = managedFiles();
    assertThat(scripts)
        .extracting(p -> p.getFileName().toString())
        .contains("control-plane", "olm");
    for (Path script : scripts) {
      String text = Files.readString(script);
      Map<String, String> found = renovateMatches(text);
      Matcher pin = SCRIPT_PIN.matcher(text);
      while (pin.find()) {
        assertThat(found)
            .as(
                "%s pins %s=%s without a '# renovate:' line above it",
                script, pin.group(1), pin.group(2))
            .containsValue(pin.group(2));
      }
    }
  }

  @Test
  void kubernetesVersionOfThePom_isFoundByRenovate() throws IOException {
    String pom = Files.readString(root.resolve("pom.xml"));
    Matcher k8s = POM_K8S.matcher(pom);
    assertThat(k8s.find()).isTrue();
    assertThat(renovateMatches(pom)).containsEntry("kubernetes/kubernetes", k8s.group(1));
  }

  @Test
  void everyFileThatPinsKubernetes_pinsTheSameVersion() throws IOException {
    Map<Path, String> versions = new HashMap<>();
    for (Path file : managedFiles()) {
      String v = renovateMatches(Files.readString(file)).get("kubernetes/kubernetes");
      if (v != null) {
        versions.put(root.relativize(file), v);
      }
    }
    assertThat(versions).containsKeys(Path.of("pom.xml"), Path.of("hack/control-plane"));
    assertThat(versions.values())
        .as("Kubernetes versions by file: %s", versions)
        .containsOnly(versions.get(Path.of("pom.xml")));
  }

  @Test
  void extractVersionOfEveryPin_readsTheReleaseTags() throws IOException {
    for (Path file : managedFiles()) {
      for (Pin pin : annotations(Files.readString(file))) {
        Matcher tag = Pattern.compile(pin.extractVersion()).matcher("v" + pin.currentValue());
        assertThat(tag.matches()).as("%s: %s", file, pin.text()).isTrue();
        assertThat(tag.group("version")).isEqualTo(pin.currentValue());
        assertThat(pin.datasource()).isEqualTo("github-releases");
        assertThat(pin.depName()).matches("[\\w.-]+/[\\w.-]+");
      }
    }
  }

  /** depName to currentValue for what renovate.json's patterns find in a file. */
  private static Map<String, String> renovateMatches(String text) {
    Map<String, String> found = new HashMap<>();
    annotations(text).forEach(pin -> found.put(pin.depName(), pin.currentValue()));
    return found;
  }

  private record Pin(
      String text, String datasource, String depName, String extractVersion, String currentValue) {}

  /**
   * Every match of every match string over the whole file, as Renovate's default strategy tries
   * them.
   */
  private static List<Pin> annotations(String text) {
    List<Pin> pins = new ArrayList<>();
    for (JsonNode matchString : regexManager.path("matchStrings")) {
      Matcher m = Pattern.compile(matchString.asText()).matcher(text);
      while (m.find()) {
        pins.add(
            new Pin(
                m.group(),
                m.group("datasource"),
                m.group("depName"),
                m.group("extractVersion"),
                m.group("currentValue")));
      }
    }
    return pins;
  }

  private static List<Path> managedFiles() throws IOException {
    List<Pattern> patterns = new ArrayList<>();
    regexManager
        .path("managerFilePatterns")
        .forEach(p -> patterns.add(Pattern.compile(p.asText().replaceAll("^/|/$", ""))));
    try (Stream<Path> files =
        Stream.concat(Files.list(root.resolve("hack")), Stream.of(root.resolve("pom.xml")))) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> patterns.stream().anyMatch(p -> p.matcher(root.relativize(f).toString()).find()))
          .sorted()
          .toList();
    }
  }
}
