package my.domain.tutorial.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTestKitTest {
  @TempDir Path dir;

  @Test
  void anExecutableNamingTheKitsShimLibrary_getsTheContainersLimitAsItsRam() throws IOException {
    Path executable =
        write(
            "\u007fELF...\0/root/.cache/native-kit/graalvm-kit-25.0.4/lib/svm/native-kit/shimlib\0");

    assertThat(NativeTestKit.built(executable)).isTrue();
    assertThat(NativeTestKit.containerMemoryArguments(executable, 402_653_184L))
        .containsExactly("-XX:MaxRAM=402653184");
  }

  @Test
  void aReleaseBuild_readsTheLimitFromItsCgroupAndGetsNoArgument() throws IOException {
    Path executable = write("\u007fELF...\0/lib64/ld-linux-x86-64.so.2\0libz.so.1\0shimlib\0");

    assertThat(NativeTestKit.built(executable)).isFalse();
    assertThat(NativeTestKit.containerMemoryArguments(executable, 402_653_184L)).isEmpty();
  }

  private Path write(String content) throws IOException {
    return Files.write(dir.resolve("foo-operator"), content.getBytes(StandardCharsets.ISO_8859_1));
  }
}
