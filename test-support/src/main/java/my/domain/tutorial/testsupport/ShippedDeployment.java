package my.domain.tutorial.testsupport;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.RepoRoot;

/**
 * How the shipped Deployment runs the operator's JVM, read from its manifest in the operator jar,
 * so the benchmark and the tests that start the operator jar as a process run it the same way.
 */
public final class ShippedDeployment {
  /** Given to the JVM as options, not through the environment. */
  public static final String JAVA_OPTIONS = "JAVA_TOOL_OPTIONS";

  /**
   * The system property naming the native operator executable ({@code
   * operator/target/foo-operator}) that the native test tier runs in place of the jar.
   */
  public static final String NATIVE_EXECUTABLE = "foo.operator.executable";

  private final Container container;

  private ShippedDeployment(Container container) {
    this.container = container;
  }

  public static ShippedDeployment load() {
    Deployment deployment =
        ClusterResources.load(OperatorDefaults.MANIFESTS + "deployment.yaml", Deployment.class);
    return new ShippedDeployment(
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
  }

  /**
   * The same Deployment with its memory limit raised to {@code mib}, as docs/footprint.md tells a
   * user to do for a larger cluster: the heap, a share of the limit, follows it.
   */
  public ShippedDeployment withMemoryLimitMib(long mib) {
    Container raised = new ContainerBuilder(container).build();
    raised.getResources().getLimits().put("memory", new Quantity(mib + "Mi"));
    return new ShippedDeployment(raised);
  }

  /**
   * A process that runs {@code jar} as the Pod runs it: this JVM's {@code java}, {@link
   * #jvmOptions} (which the JVM reads from {@code JAVA_TOOL_OPTIONS} before its command line), the
   * image's own options with its class-data archive made for this JVM ({@link JarImageArchive}),
   * and the manifest's environment (without {@code JAVA_TOOL_OPTIONS}, given as options). Inherited
   * {@code FOO_*} settings are dropped so the caller sets only what the kubelet and the cluster
   * would (namespace, Pod name, kubeconfig, ports).
   */
  public ProcessBuilder process(Path jar, String jvmReplacement) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(jvmReplacement));
    command.addAll(JarImageArchive.jvmOptions(jar));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("FOO_"));
    env.putAll(environment());
    env.remove(JAVA_OPTIONS);
    return builder;
  }

  /**
   * The operator as this test run ships it: the native executable named by {@link
   * #NATIVE_EXECUTABLE} (the native tier), else the jar with the manifest's JVM options.
   */
  public ProcessBuilder shippedProcess() {
    return nativeExecutable()
        .map(this::nativeProcess)
        .orElseGet(() -> process(operatorJar(), null));
  }

  /** The native executable under test, when the native tier runs. */
  public static Optional<Path> nativeExecutable() {
    return Optional.ofNullable(System.getProperty(NATIVE_EXECUTABLE))
        .filter(p -> !p.isBlank())
        .map(Path::of);
  }

  /**
   * A process that runs the native {@code executable} as the Pod would: the container's memory
   * limit as its RAM ({@code -XX:MaxRAM}, as a GraalVM-built executable reads it from the cgroup;
   * its heap and young generation are shares of it, baked in when it was built), the manifest's
   * environment (without {@code JAVA_TOOL_OPTIONS}, which only a JVM reads), inherited {@code
   * FOO_*} settings dropped as for the jar.
   */
  public ProcessBuilder nativeProcess(Path executable) {
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          executable
              + " is not an executable: build it with ./mvnw -Pnative -DskipTests package -pl operator -am");
    }
    ProcessBuilder builder =
        new ProcessBuilder(executable.toString(), "-XX:MaxRAM=" + memoryLimitBytes());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("FOO_"));
    env.putAll(environment());
    env.remove(JAVA_OPTIONS);
    return builder;
  }

  /** The built operator jar ({@code operator/target/operator-<version>.jar}) of this checkout. */
  public static Path operatorJar() {
    try (var files = Files.list(RepoRoot.find().resolve("operator/target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("operator-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("operator/target has no operator jar: make build"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The memory request the jar image needs in place of the shipped (native) one, as the manifest's
   * comment "jar image request: ..." says it (docs/footprint.md, "Sizing").
   */
  public static Quantity jarImageMemoryRequest() {
    String yaml = ClusterResources.text(OperatorDefaults.MANIFESTS + "deployment.yaml");
    Matcher m = Pattern.compile("# jar image request: (\\S+)").matcher(yaml);
    if (!m.find()) {
      throw new IllegalStateException("deployment.yaml names no jar image request");
    }
    return new Quantity(m.group(1));
  }

  /** The container's memory limit: what the JVM sees as its RAM in the Pod. */
  public long memoryLimitBytes() {
    return Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
        .longValueExact();
  }

  /**
   * The JVM options of the Pod: its memory limit as the JVM's RAM ({@code -XX:MaxRAM}, as the
   * container's cgroup would make it) and the manifest's {@code JAVA_TOOL_OPTIONS}, or {@code
   * replacement} when that is not null (to measure a variant).
   */
  public List<String> jvmOptions(String replacement) {
    List<String> options = new ArrayList<>();
    options.add("-XX:MaxRAM=" + memoryLimitBytes());
    String jvm = replacement != null ? replacement : environment().getOrDefault(JAVA_OPTIONS, "");
    if (!jvm.isBlank()) {
      options.addAll(List.of(jvm.trim().split("\\s+")));
    }
    return options;
  }

  /**
   * The environment the manifest spells out (leader election, log format, allocator settings,
   * {@code JAVA_TOOL_OPTIONS}); values the kubelet fills in from the Pod (namespace, Pod name) are
   * not in it.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }
}
