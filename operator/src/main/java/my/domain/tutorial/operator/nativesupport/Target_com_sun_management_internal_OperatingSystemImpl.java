package my.domain.tutorial.operator.nativesupport;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * The native executable's {@code OperatingSystemImpl}: its natives answer "not available", the
 * values the JDK documents for a platform that cannot tell (-1, a negative load). (A substitution
 * class may hold nothing but its substitutes, hence the literals.)
 *
 * <p>Why: any platform MXBean lookup (Micrometer's JVM memory, GC and thread meters, {@code
 * HeapWatch}) makes the image builder instantiate the JDK's operating-system MXBean, which brings
 * its natives from {@code libmanagement_ext} into the link. Those need HotSpot's management
 * interface, which a native image does not have in every toolchain (the test toolchain cannot link
 * them at all). Nothing in the operator reads them: its CPU meters in the image are {@code
 * runtime.ProcessCpuMetrics}, from {@link ProcessHandle}. Read only by the image builder; the JVM
 * never loads this class.
 */
@TargetClass(className = "com.sun.management.internal.OperatingSystemImpl")
final class Target_com_sun_management_internal_OperatingSystemImpl {
  @Substitute
  private static void initialize0() {}

  @Substitute
  private long getCommittedVirtualMemorySize0() {
    return -1;
  }

  @Substitute
  private long getFreeMemorySize0() {
    return -1;
  }

  @Substitute
  private long getFreeSwapSpaceSize0() {
    return -1;
  }

  @Substitute
  private long getMaxFileDescriptorCount0() {
    return -1;
  }

  @Substitute
  private long getOpenFileDescriptorCount0() {
    return -1;
  }

  @Substitute
  private long getProcessCpuTime0() {
    return -1;
  }

  @Substitute
  private double getProcessCpuLoad0() {
    return -1;
  }

  @Substitute
  private double getCpuLoad0() {
    return -1;
  }

  @Substitute
  private long getTotalMemorySize0() {
    return -1;
  }

  @Substitute
  private long getTotalSwapSpaceSize0() {
    return -1;
  }

  @Substitute
  private double getSingleCpuLoad0(int cpu) {
    return -1;
  }

  @Substitute
  private int getHostConfiguredCpuCount0() {
    return -1;
  }

  @Substitute
  private int getHostOnlineCpuCount0() {
    return -1;
  }

  @Substitute
  private long getHostTotalCpuTicks0() {
    return -1;
  }
}
