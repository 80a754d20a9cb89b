package my.domain.tutorial.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes, from Native Memory Tracking ({@code jcmd <pid> VM.native_memory
 * summary}): committed KiB per category (Java Heap, Class, Thread, Code, GC, Internal, Symbol,
 * Arena Chunk, ...), and the class and thread counts NMT reports beside them.
 */
record NativeMemory(
    long totalCommittedKib, Map<String, Long> committedKib, long classes, long threads) {
  private static final Pattern TOTAL =
      Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
  private static final Pattern CATEGORY =
      Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
  private static final Pattern CLASSES = Pattern.compile("\\(classes #(\\d+)\\)");
  private static final Pattern THREADS = Pattern.compile("\\(thread #(\\d+)\\)");

  static NativeMemory parse(String summary) {
    Matcher total = TOTAL.matcher(summary);
    if (!total.find()) {
      throw new IllegalArgumentException(
          "not a VM.native_memory summary (is -XX:NativeMemoryTracking=summary set?): " + summary);
    }
    Map<String, Long> categories = new LinkedHashMap<>();
    Matcher m = CATEGORY.matcher(summary);
    while (m.find()) {
      categories.put(m.group(1).trim(), Long.parseLong(m.group(2)));
    }
    return new NativeMemory(
        Long.parseLong(total.group(1)),
        categories,
        first(CLASSES, summary),
        first(THREADS, summary));
  }

  private static long first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The categories from largest to smallest, in MiB, as one table cell. */
  String breakdown() {
    StringBuilder s =
        new StringBuilder(String.format("NMT committed %.0f MiB:", totalCommittedKib / 1024.0));
    committedKib.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() >= 512)
        .forEach(e -> s.append(String.format(" %s %.1f,", e.getKey(), e.getValue() / 1024.0)));
    s.setLength(s.length() - 1);
    return s.append(String.format("; %d classes, %d threads", classes, threads)).toString();
  }
}
