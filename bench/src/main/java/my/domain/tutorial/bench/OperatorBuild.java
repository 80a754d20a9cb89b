package my.domain.tutorial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import my.domain.tutorial.testsupport.ShippedDeployment;

/**
 * Which build of the operator a run measures: the jar (with the Deployment's JVM options) or the
 * native executable (with the Deployment's memory options). {@code make bench} measures both in one
 * run when a native executable is there, each on the same scenarios.
 */
record OperatorBuild(String label, Path jar, Optional<Path> executable) {
  /**
   * {@code FOO_BENCH_NATIVE}: the native executable to measure beside the jar; by default {@code
   * operator/target/foo-operator} when it was built ({@code make native}); {@code 0}: the jar only.
   */
  static final String NATIVE_SETTING = "FOO_BENCH_NATIVE";

  /**
   * Runtime options added to the native executable's (say {@code -Xmn8m}), to measure a variant.
   */
  static final String NATIVE_OPTIONS_SETTING = "FOO_BENCH_NATIVE_OPTIONS";

  /**
   * A file the jar's JVM lists every class it loads in ({@code -XX:DumpLoadedClassList}), for the
   * jar image's class-data archive ({@code make cds-classlist}); each operator the bench starts
   * writes it anew, so the last one's list stays.
   */
  static final String CLASS_LIST_SETTING = "FOO_BENCH_CLASS_LIST";

  /** {@code FOO_BENCH_NATIVE_ONLY=1}: the native executable only (say to compare its variants). */
  static final String NATIVE_ONLY_SETTING = "FOO_BENCH_NATIVE_ONLY";

  static OperatorBuild jar(Path jar) {
    return new OperatorBuild("jar", jar, Optional.empty());
  }

  /** The builds {@code env} asks for, the jar first. */
  static List<OperatorBuild> chosen(Map<String, String> env, Path repo, Path jar) {
    List<OperatorBuild> builds = new ArrayList<>();
    if (!"1".equals(env.get(NATIVE_ONLY_SETTING))) {
      builds.add(jar(jar));
    }
    String setting = env.getOrDefault(NATIVE_SETTING, "");
    if (!setting.equals("0")) {
      Path executable =
          setting.isBlank() ? repo.resolve("operator/target/foo-operator") : Path.of(setting);
      if (Files.isExecutable(executable)) {
        builds.add(new OperatorBuild("native", jar, Optional.of(executable)));
      } else if (!setting.isBlank()) {
        throw new IllegalArgumentException(
            NATIVE_SETTING + "=" + setting + " is not an executable (make native builds one)");
      }
    }
    if (builds.isEmpty()) {
      throw new IllegalArgumentException(
          NATIVE_ONLY_SETTING + "=1 needs a native executable: make native, or " + NATIVE_SETTING);
    }
    return builds;
  }

  boolean isNative() {
    return executable.isPresent();
  }

  /**
   * The process the Deployment would run, before the bench's environment is added; with its memory
   * limit raised to {@code limitMib} where that is given.
   */
  ProcessBuilder process(Map<String, String> env, OptionalLong limitMib) {
    ShippedDeployment shipped = ShippedDeployment.load();
    ShippedDeployment deployment =
        limitMib.isPresent() ? shipped.withMemoryLimitMib(limitMib.getAsLong()) : shipped;
    if (executable.isPresent()) {
      ProcessBuilder builder = deployment.nativeProcess(executable.get());
      String options = env.getOrDefault(NATIVE_OPTIONS_SETTING, "");
      if (!options.isBlank()) {
        builder.command().addAll(List.of(options.trim().split("\\s+")));
      }
      return builder;
    }
    ProcessBuilder builder = deployment.process(jar, env.get(OperatorProcess.JVM_VARIANT_SETTING));
    if (OperatorProcess.nativeMemoryTracked(this)) {
      builder.command().add(1, "-XX:NativeMemoryTracking=summary");
    }
    String classList = env.getOrDefault(CLASS_LIST_SETTING, "");
    if (!classList.isBlank()) {
      builder.command().add(1, "-XX:DumpLoadedClassList=" + classList);
    }
    return builder;
  }
}
