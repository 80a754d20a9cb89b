package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import my.domain.tutorial.controlplane.RepoRoot;
import my.domain.tutorial.controlplane.node.NodeBinaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle image as the release builds it ({@code hack/images --bundle}, from the generated
 * {@code bundle.Dockerfile}): its layers hold exactly the bundle folder's files, byte for byte, at
 * the paths OLM reads, and its labels are {@code metadata/annotations.yaml}'s annotations. Needs
 * podman; skipped with a reason without it, failed where {@code FOO_REQUIRE_REAL_NODE} is set.
 */
class BundleImageIT {
  private static final String IMAGE = "foo-operator.local/foo-operator-bundle:it";

  @TempDir Path work;

  @BeforeEach
  void podman() {
    boolean present = run(List.of("podman", "--version")).exit == 0;
    if (!present && NodeBinaries.required()) {
      throw new IllegalStateException(NodeBinaries.REQUIRE_ENV + " is set, but podman is missing");
    }
    if (!present) {
      System.err.println("*** BUNDLE IMAGE TEST SKIPPED: podman is not installed ***");
    }
    Assumptions.assumeTrue(present, "podman is not installed");
  }

  @AfterEach
  void removeImage() {
    run(List.of("podman", "rmi", "-f", IMAGE));
  }

  @Test
  void theBundleImage_holdsExactlyTheBundleFolder_andItsAnnotationsAsLabels() throws Exception {
    Path bundle = GeneratedBundle.location();
    Result built =
        run(
            List.of(
                RepoRoot.find().resolve("hack/images").toString(),
                "--bundle",
                bundle.getParent().toString(),
                "--registry",
                "foo-operator.local",
                "--tag",
                "it"));
    assertThat(built.exit).as(built.output).isZero();

    Path rootfs = unpack(IMAGE);

    assertThat(files(rootfs)).isEqualTo(files(bundle));
    @SuppressWarnings("unchecked")
    Map<String, Object> annotations =
        (Map<String, Object>)
            Serialization.unmarshal(
                    Files.readString(bundle.resolve("metadata/annotations.yaml")), Map.class)
                .get("annotations");
    Result labels =
        run(List.of("podman", "image", "inspect", "--format", "{{json .Labels}}", IMAGE));
    Map<String, Object> imageLabels =
        new TreeMap<>(new ObjectMapper().readValue(labels.output, Map.class));
    imageLabels.remove("io.buildah.version"); // the builder's own, added by podman
    assertThat(imageLabels).isEqualTo(annotations);
  }

  /** The image's layers, saved by podman and applied in order into one folder. */
  private Path unpack(String image) throws IOException {
    Path archive = work.resolve("image.tar");
    Path saved = Files.createDirectories(work.resolve("saved"));
    Path rootfs = Files.createDirectories(work.resolve("rootfs"));
    require(
        run(
            List.of(
                "podman", "save", "--format", "docker-archive", "-o", archive.toString(), image)));
    require(run(List.of("tar", "-xf", archive.toString(), "-C", saved.toString())));
    JsonNode manifest = new ObjectMapper().readTree(saved.resolve("manifest.json").toFile());
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      require(
          run(
              List.of(
                  "tar",
                  "-xf",
                  saved.resolve(layer.asText()).toString(),
                  "-C",
                  rootfs.toString())));
    }
    return rootfs;
  }

  /** Every regular file under {@code dir}: relative path to content. */
  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private record Result(int exit, String output) {}

  private static void require(Result result) {
    assertThat(result.exit).as(result.output).isZero();
  }

  private static Result run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("CONTAINERS_CONF", containersConf().toString());
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), out);
    } catch (IOException e) {
      return new Result(127, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** podman as hack/images runs it on this kind of host (runc, cgroupfs, no default ulimits). */
  private static Path containersConf() throws IOException {
    Path conf = Files.createTempFile("foo-bundle-image-", ".conf");
    conf.toFile().deleteOnExit();
    Files.writeString(
        conf,
        "[containers]\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\n"
            + "cgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
    return conf;
  }
}
