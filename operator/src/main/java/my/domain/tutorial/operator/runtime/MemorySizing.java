package my.domain.tutorial.operator.runtime;

/**
 * The sizing formula of docs/footprint.md: the memory request and limit a cluster of a given size
 * needs, from the live heap each cached Foo and Pod costs (measured by {@code make bench}). The
 * Deployment's figures are this formula at the sizes its comment names, the heap warning names the
 * limit it gives for what is cached, and the benchmark runs each large cluster at that limit.
 */
public final class MemorySizing {
  /** Live heap with nothing cached: the client, the SDK, the metrics. */
  static final double BASE_MIB = 16;

  /**
   * Live heap per cached Foo, rounded up from the native executable's figure (the larger of the two
   * builds: its objects are laid out less tightly than the JVM's).
   */
  static final double PER_FOO_KIB = 3.75;

  /** Live heap per cached Pod (any Pod of the watched namespaces), likewise. */
  static final double PER_POD_KIB = 0.6;

  /** The heap's share of the container's memory, baked into both builds. */
  static final double HEAP_SHARE = 0.6;

  private MemorySizing() {}

  /** The executable the memory is for: its own memory beside the heap differs. */
  public enum Build {
    /** The native executable: its mapped code and image heap, threads. */
    NATIVE(64, 192),
    /** The jar on a JVM: also class metadata, the code cache and the JIT. */
    JAR(96, 256);

    private final int ownMib;
    private final int minLimitMib;

    Build(int ownMib, int minLimitMib) {
      this.ownMib = ownMib;
      this.minLimitMib = minLimitMib;
    }
  }

  /** The live heap, in MiB, of an operator caching {@code foos} Foos and {@code pods} Pods. */
  public static double liveHeapMib(long foos, long pods) {
    return BASE_MIB + foos * PER_FOO_KIB / 1024 + pods * PER_POD_KIB / 1024;
  }

  /**
   * The memory request: the RSS to expect, the build's own memory plus a heap about twice the live
   * data, rounded up to 16 MiB.
   */
  public static long requestMib(Build build, long foos, long pods) {
    return roundUp(build.ownMib + 2 * liveHeapMib(foos, pods), 16);
  }

  /**
   * The memory limit: a heap ({@link #HEAP_SHARE} of it) at least twice the live data, which keeps
   * it under the heap warning after a full collection; never under the build's minimum, below which
   * its own memory no longer fits beside a full heap. Rounded up to 32 MiB.
   */
  public static long limitMib(Build build, long foos, long pods) {
    return Math.max(build.minLimitMib, roundUp(2 * liveHeapMib(foos, pods) / HEAP_SHARE, 32));
  }

  /**
   * What the heap warning says is cached, with the limit the formula gives it for the build this
   * is: "50000 Foos and 50000 Pods (a limit of at least 768Mi by the sizing formula, ...)". The Pod
   * cache keeps friends only where it can, but the formula counts every Pod of the watched
   * namespaces (a restart lists them all), so the limit it gives for the cached Pods is a floor.
   */
  public static String cached(long foos, long pods) {
    Build build = NativeImageCode.ACTIVE ? Build.NATIVE : Build.JAR;
    return String.format(
        "%d Foos and %d Pods (a limit of at least %dMi by the sizing formula, more where the"
            + " watched namespaces hold Pods no Foo names)",
        foos, pods, limitMib(build, foos, pods));
  }

  private static long roundUp(double mib, int step) {
    return (long) Math.ceil(mib / step) * step;
  }
}
