package my.domain.tutorial.localrun;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import my.domain.tutorial.api.OperatorDefaults;
import my.domain.tutorial.api.v1.FooCrd;
import my.domain.tutorial.controlplane.ClusterResources;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.ControlPlaneBinaries;
import my.domain.tutorial.controlplane.ControlPlaneConfig;
import my.domain.tutorial.controlplane.DirectoryTrees;
import my.domain.tutorial.controlplane.RepoRoot;
import my.domain.tutorial.operator.FooOperator;
import my.domain.tutorial.operator.runtime.InvalidSettingsException;
import my.domain.tutorial.operator.runtime.LogSetup;
import my.domain.tutorial.operator.runtime.OperatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make run}: the operator in the foreground against the current kubeconfig's cluster if it
 * answers, otherwise against a local control plane whose data survives restarts. Ctrl-C stops
 * everything this started.
 *
 * <p>Arguments: {@code --fresh} wipes the local control plane's data first; {@code --local} uses
 * the local control plane even when a kubeconfig cluster answers; {@code --olm} has Operator
 * Lifecycle Manager install the built bundle on a local control plane of its own ({@link OlmRun})
 * and runs the operator as the Pod OLM made.
 */
public final class LocalRun {
  private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
  static final int API_PORT =
      Integer.parseInt(System.getenv().getOrDefault("FOO_RUN_API_PORT", "16443"));

  private LocalRun() {}

  public static void main(String[] args) throws Exception {
    boolean fresh = Arrays.asList(args).contains("--fresh");
    boolean olm = Arrays.asList(args).contains("--olm");
    boolean forceLocal = olm || Arrays.asList(args).contains("--local");
    // Like the Deployment: leader election through a Lease in foo-system, which is also how
    // `kubectl foo why` tells that an operator is running.
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent(OperatorSettings.LEADER_ELECTION, "true");
    env.putIfAbsent(OperatorSettings.OPERATOR_NAMESPACE, OperatorDefaults.NAMESPACE);
    OperatorSettings settings = settings(env);
    LogSetup.apply(settings.logFormat(), settings.logLevel());

    ControlPlane local = null;
    OlmRun olmRun = null;
    Optional<Config> existing = forceLocal ? Optional.empty() : reachableKubeconfig();
    Config config;
    if (existing.isPresent()) {
      config = existing.get();
      log.info(
          "using the cluster of your kubeconfig: {} (pass --local for the local control plane)",
          config.getMasterUrl());
    } else {
      Path dir = olm ? olmDataDir() : dataDir();
      if (fresh) {
        DirectoryTrees.delete(dir);
      }
      log.info("starting the local control plane in {}{}", dir, fresh ? " (fresh)" : "");
      local =
          ControlPlane.start(
              ControlPlaneBinaries.locate(), ControlPlaneConfig.persistent(dir, API_PORT));
      config = local.adminConfig();
      System.out.printf(
          "%nLocal control plane is up. In another shell:%n  export KUBECONFIG=%s%n"
              + "  export PATH=%s:$PATH%n  kubectl get foos -A%n%n",
          local.kubeconfig(), local.binaries().dir());
    }

    KubernetesClient client;
    if (olm) {
      olmRun = OlmRun.install(local, RepoRoot.find().resolve("bundle/target/bundle"));
      settings = settings(olmRun.environment(System.getenv()));
      client = FooOperator.clientBuilder().withConfig(olmRun.pod().config(local)).build();
      System.out.printf(
          "OLM installed the bundle; the operator runs as Pod %s/%s (its env, its ServiceAccount)."
              + "%n  kubectl -n operators get subscription,installplan,csv,deployment,pod%n%n",
          olmRun.pod().pod().getMetadata().getNamespace(),
          olmRun.pod().pod().getMetadata().getName());
    } else {
      client = FooOperator.clientBuilder().withConfig(config).build();
      ClusterResources.installCrd(client, FooCrd.RESOURCE);
      client
          .resource(
              ClusterResources.load(
                  OperatorDefaults.MANIFESTS + "namespace.yaml", HasMetadata.class))
          .forceConflicts()
          .serverSideApply();
    }
    FooOperator operator =
        FooOperator.start(
            settings,
            client,
            Clock.systemUTC(),
            () -> log.warn("lost leadership; standing by and campaigning again"));

    ControlPlane started = local;
    OlmRun startedOlm = olmRun;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  client.close();
                  if (startedOlm != null) {
                    startedOlm.close();
                  }
                  if (started != null) {
                    started.close();
                    System.out.println(
                        "local control plane stopped; its data stays in "
                            + started.config().dataDir());
                  }
                  stopped.countDown();
                },
                "make-run-shutdown"));
    stopped.await();
  }

  private static OperatorSettings settings(Map<String, String> env) {
    try {
      return OperatorSettings.fromEnvironment(env);
    } catch (InvalidSettingsException e) {
      System.err.println("make run: " + e.getMessage());
      System.exit(2);
      throw new IllegalStateException("unreachable");
    }
  }

  /** OLM's cluster is a different one: its controllers change what a plain run would see. */
  static Path olmDataDir() {
    return dataDir().resolveSibling(dataDir().getFileName() + "-olm");
  }

  static Path dataDir() {
    String base =
        Optional.ofNullable(System.getenv("XDG_DATA_HOME"))
            .filter(s -> !s.isBlank())
            .orElse(System.getProperty("user.home") + "/.local/share");
    return Path.of(
        System.getenv().getOrDefault("FOO_RUN_DIR", base + "/foo-operator/local-cluster"));
  }

  private static Optional<Config> reachableKubeconfig() {
    Config config = Config.autoConfigure(null);
    if (config.getMasterUrl() == null
        || config.getMasterUrl().contains("kubernetes.default.svc")
        || (System.getenv("KUBECONFIG") == null
            && !Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config")))) {
      return Optional.empty();
    }
    config.setRequestTimeout(3000);
    config.setConnectionTimeout(3000);
    try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(config).build()) {
      probe.getKubernetesVersion();
      return Optional.of(config);
    } catch (RuntimeException e) {
      log.info(
          "the kubeconfig's cluster {} does not answer ({}); using the local control plane",
          config.getMasterUrl(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
