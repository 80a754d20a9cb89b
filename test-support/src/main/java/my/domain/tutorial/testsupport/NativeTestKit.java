package my.domain.tutorial.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What sets an executable of the native-image test kit (the toolchain CI uses where no GraalVM is
 * installed) apart from a GraalVM release build, where a test must make up for it. The kit has no
 * container support: its executables size their heap from the machine's memory, where a release
 * build reads the container's cgroup limit, so a test that runs one in a container gives it that
 * limit as {@code -XX:MaxRAM}, as the release build would see it.
 */
public final class NativeTestKit {
  /** The kit's executables name its libraries by an absolute rpath ending in this folder. */
  private static final byte[] SHIM_LIBRARY =
      "/lib/svm/native-kit/shimlib".getBytes(StandardCharsets.US_ASCII);

  private NativeTestKit() {}

  /** Whether the test kit built {@code executable} (it names the kit's shim library). */
  public static boolean built(Path executable) {
    try (FileChannel file = FileChannel.open(executable, StandardOpenOption.READ)) {
      ByteBuffer bytes = file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
      return indexOf(bytes, SHIM_LIBRARY) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + executable, e);
    }
  }

  /**
   * The arguments that give an executable of {@code executable}'s build the container's memory
   * limit: none for a release build, which reads it from the cgroup itself.
   */
  public static List<String> containerMemoryArguments(Path executable, long limitBytes) {
    return built(executable) ? List.of("-XX:MaxRAM=" + limitBytes) : List.of();
  }

  private static int indexOf(ByteBuffer haystack, byte[] needle) {
    int last = haystack.limit() - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack.get(i + j) != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
