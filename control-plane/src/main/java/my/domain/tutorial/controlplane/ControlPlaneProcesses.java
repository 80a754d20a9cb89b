package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises etcd and kube-apiserver: starts them with their flags, stops and signals them, and
 * waits until the API server serves. A shutdown hook kills what is left if the JVM exits without
 * {@link #close}.
 */
final class ControlPlaneProcesses implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlPlaneProcesses.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final ControlPlaneBinaries binaries;
  private final ControlPlaneConfig config;
  private final String adminToken;
  private final Supplier<KubernetesClient> admin;
  private final Thread reaper = new Thread(this::killNow, "control-plane-reaper");
  private Process etcd;
  private Process apiServer;

  ControlPlaneProcesses(
      ControlPlaneBinaries binaries,
      ControlPlaneConfig config,
      String adminToken,
      Supplier<KubernetesClient> admin) {
    this.binaries = binaries;
    this.config = config;
    this.adminToken = adminToken;
    this.admin = admin;
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  String server() {
    return "https://" + config.apiServerHost() + ":" + config.apiServerPort();
  }

  Path kubeconfig() {
    return config.dataDir().resolve("kubeconfig");
  }

  synchronized void startEtcd() {
    if (etcd != null && etcd.isAlive()) {
      return;
    }
    String client = "http://127.0.0.1:" + config.etcdPort();
    String peer = "http://127.0.0.1:" + config.etcdPeerPort();
    etcd =
        launch(
            "etcd",
            List.of(
                binaries.etcd().toString(),
                "--data-dir",
                config.dataDir().resolve("etcd").toString(),
                "--listen-client-urls",
                client,
                "--advertise-client-urls",
                client,
                "--listen-peer-urls",
                peer,
                "--initial-advertise-peer-urls",
                peer,
                "--initial-cluster",
                "default=" + peer,
                // Test data only: skipping fsync makes etcd several times faster on a small disk.
                "--unsafe-no-fsync",
                "--log-level",
                "warn"));
  }

  synchronized void startApiServer() {
    if (apiServer != null && apiServer.isAlive()) {
      return;
    }
    Path dir = config.dataDir();
    List<String> command =
        new ArrayList<>(
            List.of(
                binaries.kubeApiServer().toString(),
                "--etcd-servers",
                "http://127.0.0.1:" + config.etcdPort(),
                "--bind-address",
                config.nodeAddress() == null ? "127.0.0.1" : "0.0.0.0",
                "--advertise-address",
                config.apiServerHost(),
                "--secure-port",
                Integer.toString(config.apiServerPort()),
                "--cert-dir",
                dir.resolve("certs").toString(),
                "--authorization-mode",
                "RBAC",
                "--token-auth-file",
                dir.resolve("tokens.csv").toString(),
                "--client-ca-file",
                new ClientCertificates(dir).caCertificate().toString(),
                "--service-account-issuer",
                "https://kubernetes.default.svc",
                "--service-account-key-file",
                dir.resolve("sa.pub").toString(),
                "--service-account-signing-key-file",
                dir.resolve("sa.key").toString(),
                "--service-cluster-ip-range",
                ControlPlane.SERVICE_CLUSTER_IP_RANGE));
    if (config.nodeAddress() == null) {
      // No controller-manager creates default ServiceAccounts, so Pods could not be admitted.
      command.addAll(List.of("--disable-admission-plugins", "ServiceAccount"));
    } else {
      // `kubectl logs` reaches the kubelet at the node's InternalIP, not its host name.
      command.add("--kubelet-preferred-address-types=InternalIP");
    }
    apiServer = launch("kube-apiserver", command);
    awaitReady();
  }

  boolean apiServerRunning() {
    return apiServer != null && apiServer.isAlive();
  }

  synchronized void stopEtcd() {
    ChildProcess.stop(etcd, "etcd");
  }

  synchronized void stopApiServer() {
    ChildProcess.stop(apiServer, "kube-apiserver");
  }

  synchronized void signalApiServer(String signal) {
    if (apiServer == null || !apiServer.isAlive()) {
      return;
    }
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, Long.toString(apiServer.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "kill -" + signal + " " + apiServer.pid() + " exited " + exit);
      }
      log.info("sent SIG{} to pid {}", signal, apiServer.pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted signalling " + apiServer.pid(), e);
    }
  }

  private Process launch(String name, List<String> command) {
    return ChildProcess.start(name, config.dataDir(), command, Map.of()).process();
  }

  /**
   * Waits until kube-apiserver answers /readyz, writes the admin kubeconfig that trusts its serving
   * certificate, and waits for the {@code default} namespace.
   */
  synchronized void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    ApiServerReadiness probe =
        new ApiServerReadiness(config, server(), adminToken, this::requireAlive);
    if (!Poll.until(probe::ready, STARTUP_TIMEOUT, POLL_INTERVAL)) {
      throw new IllegalStateException(
          "kube-apiserver not ready after "
              + STARTUP_TIMEOUT.toSeconds()
              + "s ("
              + probe.lastProblem()
              + "); see "
              + config.dataDir().resolve("logs/kube-apiserver.log"));
    }
    try {
      AdminAccess.writeKubeconfig(kubeconfig(), server(), probe.certificate(), adminToken);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kubeconfig(), e);
    }
    KubernetesClient client = admin.get();
    if (!Poll.until(
        () -> client.namespaces().withName("default").get() != null,
        Duration.between(Instant.now(), deadline),
        POLL_INTERVAL)) {
      throw new IllegalStateException("the default namespace never appeared");
    }
    log.info("kube-apiserver ready at {}", server());
  }

  /** Fails at once when a process died, naming its log. */
  private void requireAlive() {
    if (!apiServer.isAlive()) {
      throw new IllegalStateException(
          "kube-apiserver exited with "
              + apiServer.exitValue()
              + "; see "
              + config.dataDir().resolve("logs/kube-apiserver.log"));
    }
    if (!etcd.isAlive()) {
      throw new IllegalStateException(
          "etcd exited with "
              + etcd.exitValue()
              + "; see "
              + config.dataDir().resolve("logs/etcd.log"));
    }
  }

  @Override
  public synchronized void close() {
    ChildProcess.stop(apiServer, "kube-apiserver");
    ChildProcess.stop(etcd, "etcd");
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the reaper is running or ran: nothing left to do
    }
  }

  private void killNow() {
    Stream.of(apiServer, etcd)
        .filter(p -> p != null && p.isAlive())
        .forEach(Process::destroyForcibly);
  }
}
