package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
  @TempDir Path out;

  @Test
  void writesEveryFile_andTheDockerfileBesideTheBundleFolder() throws Exception {
    Bundle bundle = TestBundles.bundle();

    Path dir = BundleWriter.write(bundle, out);

    assertThat(dir).isEqualTo(out.resolve("bundle"));
    for (var file : bundle.files().entrySet()) {
      assertThat(Files.readString(out.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
  }

  @Test
  void aRewrite_leavesNoStaleFile_andNoScratchFolder() throws Exception {
    Path stale = out.resolve("bundle/manifests/stale.yaml");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "kind: Stale\n");

    BundleWriter.write(TestBundles.bundle(), out);

    assertThat(stale).doesNotExist();
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("bundle", "bundle.Dockerfile");
    }
  }
}
