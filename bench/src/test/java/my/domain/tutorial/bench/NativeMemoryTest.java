package my.domain.tutorial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {
  // The shape of JDK 17's `jcmd <pid> VM.native_memory summary`, trimmed.
  private static final String SUMMARY =
      """
      12345:

      Native Memory Tracking:

      (Omitting categories weighting less than 1KB)

      Total: reserved=1536000KB, committed=98304KB
      -                 Java Heap (reserved=253952KB, committed=20480KB)
                                  (mmap: reserved=253952KB, committed=20480KB)

      -                     Class (reserved=1056768KB, committed=40960KB)
                                  (classes #7321)
                                  (  instance classes #6900, array classes #421)

      -                    Thread (reserved=30720KB, committed=3072KB)
                                  (thread #30)
                                  (stack: reserved=30600KB, committed=2900KB)

      -                      Code (reserved=247808KB, committed=12288KB)
      -                    Symbol (reserved=300KB, committed=300KB)
      """;

  @Test
  void readsTheCommittedSizeOfEachCategoryAndTheCounts() {
    NativeMemory nmt = NativeMemory.parse(SUMMARY);

    assertThat(nmt.totalCommittedKib()).isEqualTo(98304);
    assertThat(nmt.committedKib())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("Java Heap", 20480L),
            org.assertj.core.api.Assertions.entry("Class", 40960L),
            org.assertj.core.api.Assertions.entry("Thread", 3072L),
            org.assertj.core.api.Assertions.entry("Code", 12288L),
            org.assertj.core.api.Assertions.entry("Symbol", 300L));
    assertThat(nmt.classes()).isEqualTo(7321);
    assertThat(nmt.threads()).isEqualTo(30);
    assertThat(nmt.breakdown())
        .isEqualTo(
            "NMT committed 96 MiB: Class 40.0, Java Heap 20.0, Code 12.0, Thread 3.0;"
                + " 7321 classes, 30 threads");
  }

  @Test
  void aJvmWithoutTrackingIsAnErrorThatSaysHowToTurnItOn() {
    assertThatThrownBy(() -> NativeMemory.parse("12345:\nNative memory tracking is not enabled\n"))
        .hasMessageContaining("-XX:NativeMemoryTracking=summary");
  }
}
