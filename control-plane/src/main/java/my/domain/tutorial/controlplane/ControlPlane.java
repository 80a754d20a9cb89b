package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd plus kube-apiserver with RBAC authorization, as
 * envtest starts it. No kubelet, scheduler or controller-manager: Pods are API objects that stay
 * Pending, which is all the friendship verdict needs.
 *
 * <p>We run the processes ourselves rather than through fabric8 kube-api-test because the tests and
 * {@code make run} need what it does not offer: restarting the API server on the same port over the
 * same etcd (kube-api-test stops everything when one process exits), and a data directory that
 * survives restarts.
 *
 * <p>This class supervises the processes; how the admin reaches them (token, TLS trust, the
 * kubeconfig file) is {@link AdminAccess}. Other identities are impersonated, so RBAC applies to
 * them exactly as to a real ServiceAccount.
 */
public final class ControlPlane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  /** Service ClusterIPs; the first, 10.0.0.1, is the {@code kubernetes} Service's. */
  public static final String SERVICE_CLUSTER_IP_RANGE = "10.0.0.0/24";

  private final ControlPlaneBinaries binaries;
  private final ControlPlaneConfig config;
  private final String adminToken;
  private final Thread reaper = new Thread(this::killNow, "control-plane-reaper");
  private Process etcd;
  private Process apiServer;
  private KubernetesClient adminClient;

  private ControlPlane(
      ControlPlaneBinaries binaries, ControlPlaneConfig config, String adminToken) {
    this.binaries = binaries;
    this.config = config;
    this.adminToken = adminToken;
  }

  /** Starts etcd and kube-apiserver and returns once the API server is ready to serve. */
  public static ControlPlane start(ControlPlaneBinaries binaries, ControlPlaneConfig config) {
    try {
      Path dir = config.dataDir();
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("certs"));
      String token = AdminAccess.token(dir.resolve("tokens.csv"));
      ServiceAccountKeys.ensure(dir.resolve("sa.key"), dir.resolve("sa.pub"));
      ControlPlane cp = new ControlPlane(binaries, config, token);
      Runtime.getRuntime().addShutdownHook(cp.reaper);
      try {
        cp.startEtcd();
        cp.startApiServer();
      } catch (RuntimeException e) {
        cp.close();
        throw e;
      }
      return cp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + config.dataDir(), e);
    }
  }

  private void startEtcd() {
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

  /** Starts kube-apiserver (again) on the same port and etcd, and waits until it is ready. */
  public synchronized void startApiServer() {
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
                SERVICE_CLUSTER_IP_RANGE));
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

  /**
   * Stops etcd (SIGTERM), leaving kube-apiserver running: the API server then stays up but can
   * neither read through to storage nor write, as in a control-plane storage outage.
   */
  public synchronized void stopEtcd() {
    ChildProcess.stop(etcd, "etcd");
  }

  /**
   * Starts etcd again over the same data directory (no-op if it runs) and waits until
   * kube-apiserver reports ready on it.
   */
  public synchronized void restartEtcd() {
    if (etcd != null && etcd.isAlive()) {
      return;
    }
    startEtcd();
    if (apiServer != null && apiServer.isAlive()) {
      awaitReady();
    }
  }

  /**
   * Freezes kube-apiserver (SIGSTOP): connections are still accepted by the kernel but nothing
   * answers, the hardest case for a client's timeouts.
   */
  public synchronized void pauseApiServer() {
    signal(apiServer, "STOP");
  }

  /** Lets a paused kube-apiserver run again (SIGCONT) and waits until it reports ready. */
  public synchronized void resumeApiServer() {
    if (apiServer != null && apiServer.isAlive()) {
      signal(apiServer, "CONT");
      awaitReady();
    }
  }

  private static void signal(Process process, String signal) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "kill -" + signal + " " + process.pid() + " exited " + exit);
      }
      log.info("sent SIG{} to pid {}", signal, process.pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted signalling " + process.pid(), e);
    }
  }

  /** Stops kube-apiserver, leaving etcd (and so all data) running. */
  public synchronized void stopApiServer() {
    ChildProcess.stop(apiServer, "kube-apiserver");
  }

  private Process launch(String name, List<String> command) {
    return ChildProcess.start(name, config.dataDir(), command, Map.of()).process();
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    ReadyProbe probe = new ReadyProbe();
    if (!Poll.until(probe::ready, STARTUP_TIMEOUT, POLL_INTERVAL)) {
      throw new IllegalStateException(
          "kube-apiserver not ready after "
              + STARTUP_TIMEOUT.toSeconds()
              + "s ("
              + probe.lastProblem
              + "); see "
              + config.dataDir().resolve("logs/kube-apiserver.log"));
    }
    try {
      AdminAccess.writeKubeconfig(kubeconfig(), server(), probe.cert, adminToken);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kubeconfig(), e);
    }
    KubernetesClient client = adminClient();
    if (!Poll.until(
        () -> client.namespaces().withName("default").get() != null,
        Duration.between(Instant.now(), deadline),
        POLL_INTERVAL)) {
      throw new IllegalStateException("the default namespace never appeared");
    }
    log.info("kube-apiserver ready at {}", server());
  }

  /** One look at whether kube-apiserver serves /readyz yet; fails at once when a process died. */
  private final class ReadyProbe {
    final Path cert = config.dataDir().resolve("certs/apiserver.crt");
    final URI readyz = URI.create(server() + "/readyz");
    String lastProblem = "not started";
    HttpClient http;

    boolean ready() {
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
      if (http == null) {
        if (!Files.exists(cert)) {
          return false;
        }
        // kube-apiserver writes its self-signed serving certificate at start: trust exactly that.
        http =
            HttpClient.newBuilder()
                .sslContext(AdminAccess.trusting(cert))
                .connectTimeout(Duration.ofSeconds(2))
                .build();
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(readyz)
                    .header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        lastProblem = "/readyz answered " + response.statusCode();
        return response.statusCode() == 200;
      } catch (IOException e) {
        lastProblem = e.toString();
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for kube-apiserver", e);
      }
    }
  }

  public String server() {
    return "https://" + config.apiServerHost() + ":" + config.apiServerPort();
  }

  /** The admin kubeconfig file (context {@code foo-local}); usable with kubectl. */
  public Path kubeconfig() {
    return config.dataDir().resolve("kubeconfig");
  }

  public ControlPlaneBinaries binaries() {
    return binaries;
  }

  public ControlPlaneConfig config() {
    return config;
  }

  /** A client configuration for the admin (system:masters); each call returns a fresh object. */
  public Config adminConfig() {
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The admin client owned by this control plane (closed with it). */
  public synchronized KubernetesClient adminClient() {
    if (adminClient == null) {
      adminClient = new KubernetesClientBuilder().withConfig(adminConfig()).build();
    }
    return adminClient;
  }

  /**
   * A new client (the caller closes it) that impersonates {@code serviceAccount} in {@code
   * namespace}.
   */
  public KubernetesClient clientAs(String namespace, String serviceAccount) {
    return new KubernetesClientBuilder().withConfig(configAs(namespace, serviceAccount)).build();
  }

  /**
   * A client configuration (a fresh object) that impersonates {@code serviceAccount} in {@code
   * namespace}, for callers that build the client themselves.
   */
  public Config configAs(String namespace, String serviceAccount) {
    Config config = adminConfig();
    config.setImpersonateUsername("system:serviceaccount:" + namespace + ":" + serviceAccount);
    config.setImpersonateGroups(
        "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
    config.setNamespace(namespace);
    return config;
  }

  /**
   * A client certificate the API server authenticates as {@code user} in {@code groups} (signed by
   * the CA of its {@code --client-ca-file}), as kubeconfigs of certificate users hold.
   */
  public ClientCertificate clientCertificate(String user, String... groups) {
    return new ClientCertificates(config.dataDir()).issue(user, groups);
  }

  /** A new client (the caller closes it) that impersonates a plain user with the given groups. */
  public KubernetesClient clientAsUser(String user, String... groups) {
    Config config = adminConfig();
    config.setImpersonateUsername(user);
    List<String> all = new ArrayList<>(List.of(groups));
    all.add("system:authenticated");
    config.setImpersonateGroups(all.toArray(String[]::new));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Override
  public synchronized void close() {
    if (adminClient != null) {
      adminClient.close();
      adminClient = null;
    }
    ChildProcess.stop(apiServer, "kube-apiserver");
    ChildProcess.stop(etcd, "etcd");
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the reaper is running or ran: nothing left to do
    }
    if (config.deleteOnClose()) {
      deleteRecursively(config.dataDir());
    }
  }

  private void killNow() {
    Stream.of(apiServer, etcd)
        .filter(p -> p != null && p.isAlive())
        .forEach(Process::destroyForcibly);
  }

  private static void deleteRecursively(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  /** Deletes {@code dir} and everything in it; a missing {@code dir} is fine. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
