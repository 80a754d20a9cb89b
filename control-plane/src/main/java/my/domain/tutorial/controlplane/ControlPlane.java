package my.domain.tutorial.controlplane;

import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd plus kube-apiserver with RBAC authorization,
 * as envtest starts it. No kubelet, scheduler or controller-manager: Pods are API objects that
 * stay Pending, which is all the friendship verdict needs.
 *
 * <p>We run the processes ourselves rather than through fabric8 kube-api-test because the tests
 * and {@code make run} need what it does not offer: restarting the API server on the same port
 * over the same etcd (kube-api-test stops everything when one process exits), and a data
 * directory that survives restarts.
 *
 * <p>The admin authenticates with a static bearer token (group {@code system:masters}); other
 * identities are impersonated, so RBAC applies to them exactly as to a real ServiceAccount.
 */
public final class ControlPlane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

  private final ControlPlaneBinaries binaries;
  private final ControlPlaneConfig config;
  private final String adminToken;
  private final Thread reaper = new Thread(this::killNow, "control-plane-reaper");
  private Process etcd;
  private Process apiServer;
  private KubernetesClient adminClient;

  private ControlPlane(ControlPlaneBinaries binaries, ControlPlaneConfig config, String adminToken) {
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
      String token = adminToken(dir.resolve("tokens.csv"));
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

  private static String adminToken(Path tokens) throws IOException {
    if (Files.exists(tokens)) {
      return Files.readString(tokens).split(",", 2)[0];
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.writeString(tokens, token + ",admin,admin,\"system:masters\"\n");
    return token;
  }

  private void startEtcd() {
    String client = "http://127.0.0.1:" + config.etcdPort();
    String peer = "http://127.0.0.1:" + config.etcdPeerPort();
    etcd = launch("etcd", List.of(binaries.etcd().toString(),
        "--data-dir", config.dataDir().resolve("etcd").toString(),
        "--listen-client-urls", client, "--advertise-client-urls", client,
        "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "default=" + peer,
        // Test data only: skipping fsync makes etcd several times faster on a small disk.
        "--unsafe-no-fsync",
        "--log-level", "warn"));
  }

  /** Starts kube-apiserver (again) on the same port and etcd, and waits until it is ready. */
  public synchronized void startApiServer() {
    if (apiServer != null && apiServer.isAlive()) {
      return;
    }
    Path dir = config.dataDir();
    apiServer = launch("kube-apiserver", List.of(binaries.kubeApiServer().toString(),
        "--etcd-servers", "http://127.0.0.1:" + config.etcdPort(),
        "--bind-address", "127.0.0.1",
        "--advertise-address", "127.0.0.1",
        "--secure-port", Integer.toString(config.apiServerPort()),
        "--cert-dir", dir.resolve("certs").toString(),
        "--authorization-mode", "RBAC",
        "--token-auth-file", dir.resolve("tokens.csv").toString(),
        "--service-account-issuer", "https://kubernetes.default.svc",
        "--service-account-key-file", dir.resolve("sa.pub").toString(),
        "--service-account-signing-key-file", dir.resolve("sa.key").toString(),
        "--service-cluster-ip-range", "10.0.0.0/24",
        // No controller-manager creates default ServiceAccounts, so Pods could not be admitted.
        "--disable-admission-plugins", "ServiceAccount"));
    awaitReady();
  }

  /** Stops kube-apiserver, leaving etcd (and so all data) running. */
  public synchronized void stopApiServer() {
    stop(apiServer, "kube-apiserver");
  }

  private Process launch(String name, List<String> command) {
    Path logFile = config.dataDir().resolve("logs").resolve(name + ".log");
    Path pidFile = config.dataDir().resolve(name + ".pid");
    try {
      reapLeftover(pidFile, command.get(0));
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      Files.writeString(pidFile, Long.toString(process.pid()));
      log.info("started {} (pid {}), log: {}", name, process.pid(), logFile);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** A run that was killed hard leaves its processes holding the ports; stop them first. */
  private static void reapLeftover(Path pidFile, String executable) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle.of(pid)
        .filter(h -> h.info().command().map(executable::equals).orElse(false))
        .ifPresent(h -> {
          log.warn("stopping {} (pid {}) left over from an earlier run", executable, pid);
          h.destroy();
          h.onExit().orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
            h.destroyForcibly();
            return h;
          }).join();
        });
    Files.delete(pidFile);
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    Path cert = config.dataDir().resolve("certs/apiserver.crt");
    URI readyz = URI.create(server() + "/readyz");
    String lastProblem = "not started";
    HttpClient http = null;
    while (Instant.now().isBefore(deadline)) {
      if (!apiServer.isAlive()) {
        throw new IllegalStateException("kube-apiserver exited with " + apiServer.exitValue() + "; see "
            + config.dataDir().resolve("logs/kube-apiserver.log"));
      }
      if (!etcd.isAlive()) {
        throw new IllegalStateException("etcd exited with " + etcd.exitValue() + "; see "
            + config.dataDir().resolve("logs/etcd.log"));
      }
      if (http == null && Files.exists(cert)) {
        http = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(2)).build();
      }
      if (http != null) {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(readyz)
              .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            writeKubeconfig(cert);
            awaitDefaultNamespace(deadline);
            log.info("kube-apiserver ready at {}", server());
            return;
          }
          lastProblem = "/readyz answered " + response.statusCode();
        } catch (IOException e) {
          lastProblem = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for kube-apiserver", e);
        }
      }
      pause();
    }
    throw new IllegalStateException("kube-apiserver not ready after " + STARTUP_TIMEOUT.toSeconds() + "s ("
        + lastProblem + "); see " + config.dataDir().resolve("logs/kube-apiserver.log"));
  }

  private void awaitDefaultNamespace(Instant deadline) {
    KubernetesClient client = adminClient();
    while (Instant.now().isBefore(deadline)) {
      if (client.namespaces().withName("default").get() != null) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("the default namespace never appeared");
  }

  private static void pause() {
    try {
      Thread.sleep(200); // polling a child process; Awaitility is for tests, not for this library code
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static SSLContext trusting(Path certFile) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile)))) {
        store.setCertificateEntry("c" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + certFile, e);
    }
  }

  private void writeKubeconfig(Path cert) throws IOException {
    String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(cert));
    io.fabric8.kubernetes.api.model.Config kubeconfig = new io.fabric8.kubernetes.api.model.ConfigBuilder()
        .withApiVersion("v1").withKind("Config")
        .addToClusters(new NamedClusterBuilder().withName("foo-local")
            .withNewCluster().withServer(server()).withCertificateAuthorityData(ca).endCluster().build())
        .addToUsers(new NamedAuthInfoBuilder().withName("admin").withNewUser().withToken(adminToken).endUser().build())
        .addToContexts(new NamedContextBuilder().withName("foo-local")
            .withNewContext().withCluster("foo-local").withUser("admin").withNamespace("default").endContext().build())
        .withCurrentContext("foo-local")
        .build();
    Path file = kubeconfig();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Serialization.asYaml(kubeconfig));
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public String server() {
    return "https://127.0.0.1:" + config.apiServerPort();
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

  /** A new client (the caller closes it) that impersonates {@code serviceAccount} in {@code namespace}. */
  public KubernetesClient clientAs(String namespace, String serviceAccount) {
    Config config = adminConfig();
    config.setImpersonateUsername("system:serviceaccount:" + namespace + ":" + serviceAccount);
    config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace,
        "system:authenticated");
    config.setNamespace(namespace);
    return new KubernetesClientBuilder().withConfig(config).build();
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
    stop(apiServer, "kube-apiserver");
    stop(etcd, "etcd");
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the reaper is running or ran: nothing left to do
    }
    if (config.deleteOnClose()) {
      deleteRecursively(config.dataDir());
    }
  }

  private static void stop(Process process, String name) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        log.warn("{} did not stop on SIGTERM within 15s; killing it", name);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    log.info("stopped {}", name);
  }

  private void killNow() {
    Stream.of(apiServer, etcd).filter(p -> p != null && p.isAlive()).forEach(Process::destroyForcibly);
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
