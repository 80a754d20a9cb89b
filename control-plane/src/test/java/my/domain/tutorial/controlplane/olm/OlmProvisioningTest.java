package my.domain.tutorial.controlplane.olm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import my.domain.tutorial.controlplane.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which outcome {@code hack/olm} reaches for a given environment: 3 ("the sources cannot be had
 * here", the OLM tier is skipped) only when no tarball folder is named and the source URL cannot be
 * connected to; every case where the sources are there but something is wrong fails (exit 1) and
 * names the step, so a broken provisioning can never pass as skipped. Runs the script itself
 * against an empty cache (nothing is built: each case stops before or at its first build step).
 */
class OlmProvisioningTest {
  private static final String OLM_TARBALL = "operator-lifecycle-manager-0.46.0.tar.gz";
  private static final String OPM_TARBALL = "operator-registry-1.73.0.tar.gz";

  @TempDir Path cache;
  @TempDir Path thirdParty;

  @Test
  void noTarballFolderAndSourcesUnreachable_isSkipped_withABannerSayingHowToGetThem()
      throws Exception {
    Result r = olm(Map.of("FOO_OLM_SOURCE_URL", unreachableUrl()));

    assertThat(r.exit).isEqualTo(OlmBinaries.EXIT_UNAVAILABLE);
    assertThat(r.stderr)
        .contains("OLM TIER SKIPPED")
        .contains("cannot be reached")
        .contains("FOO_THIRD_PARTY_DIR")
        .contains(OLM_TARBALL)
        .contains(OPM_TARBALL)
        .contains("OlmInstallIT, OlmUpgradeIT, CatalogIT")
        .doesNotContain("FAILED");
    assertThat(OlmBinaries.skipReason(r.stdout))
        .startsWith("OLM TIER SKIPPED")
        .contains("cannot be reached");
    assertThat(cache).isEmptyDirectory();
  }

  @Test
  void onlyOpmWithSourcesUnreachable_isSkipped_namingMakeCatalog() throws Exception {
    Result r = olm(Map.of("FOO_OLM_SOURCE_URL", unreachableUrl()), "--only-opm");

    assertThat(r.exit).isEqualTo(OlmBinaries.EXIT_UNAVAILABLE);
    assertThat(r.stderr).contains("OLM TIER SKIPPED").contains("make catalog");
  }

  @Test
  void sourcesUnreachableWhereTheTierIsRequired_fails() throws Exception {
    Result r = olm(Map.of("FOO_OLM_SOURCE_URL", unreachableUrl(), "FOO_REQUIRE_OLM", "1"));

    assertBroken(r, "get the OLM and opm sources (FOO_REQUIRE_OLM=1");
  }

  @Test
  void aTarballFolderWithoutTheTarballs_fails_namingTheMissingFile() throws Exception {
    Result r = olm(Map.of("FOO_THIRD_PARTY_DIR", thirdParty.toString()));

    assertBroken(r, "read " + thirdParty.resolve(OLM_TARBALL));
  }

  @Test
  void aTruncatedTarball_fails_atUnpacking() throws Exception {
    byte[] whole = sourceTarball("operator-lifecycle-manager-0.46.0");
    Files.write(thirdParty.resolve(OLM_TARBALL), Arrays.copyOf(whole, whole.length / 2));

    Result r = olm(Map.of("FOO_THIRD_PARTY_DIR", thirdParty.toString()));

    assertBroken(r, "unpack operator-lifecycle-manager-0.46.0");
  }

  @Test
  void aTarballWhoseChecksumDiffers_fails_beforeUnpacking() throws Exception {
    Files.write(
        thirdParty.resolve(OLM_TARBALL), sourceTarball("operator-lifecycle-manager-0.46.0"));
    Files.writeString(thirdParty.resolve("SHA256SUMS"), "0".repeat(64) + "  " + OLM_TARBALL + "\n");

    Result r = olm(Map.of("FOO_THIRD_PARTY_DIR", thirdParty.toString()));

    assertBroken(r, "verify the checksum of " + thirdParty.resolve(OLM_TARBALL));
    assertThat(r.stderr).contains("SHA256SUMS says " + "0".repeat(64));
  }

  @Test
  void aTarballThatDoesNotBuild_fails_atTheBuild() throws Exception {
    Files.write(
        thirdParty.resolve(OLM_TARBALL), sourceTarball("operator-lifecycle-manager-0.46.0"));

    Result r = olm(Map.of("FOO_THIRD_PARTY_DIR", thirdParty.toString()));

    assertBroken(r, "go build olm");
  }

  @Test
  void aReachableSourceThatServesNoSuchTag_fails_atTheDownload() throws Exception {
    try (Served served = serve(404, new byte[0])) {
      Result r = olm(Map.of("FOO_OLM_SOURCE_URL", served.url()));

      assertBroken(r, "download operator-lifecycle-manager v0.46.0");
    }
  }

  @Test
  void aReachableSourceThatServesATruncatedTarball_fails_atUnpacking() throws Exception {
    byte[] whole = sourceTarball("operator-lifecycle-manager-0.46.0");
    try (Served served = serve(200, Arrays.copyOf(whole, whole.length / 2))) {
      Result r = olm(Map.of("FOO_OLM_SOURCE_URL", served.url()));

      assertBroken(r, "unpack operator-lifecycle-manager-0.46.0");
    }
  }

  @Test
  void everythingCached_needsNoSources_andPrintsThePaths() throws Exception {
    for (String bin :
        List.of(
            "olm/0.46.0/olm",
            "olm/0.46.0/catalog",
            "opm/1.73.0/opm",
            "kwok/0.8.0/kwok",
            "k8s/1.34.3-linux-amd64/kube-controller-manager",
            "k8s/1.34.3-linux-amd64/kube-scheduler")) {
      Path p = cache.resolve(bin);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "#!/bin/sh\n");
      assertThat(p.toFile().setExecutable(true)).isTrue();
    }
    write(cache.resolve("olm/0.46.0/manifests/olm.yaml"));
    write(cache.resolve("kwok/0.8.0/stages/pod-ready.yaml"));

    Result r = olm(Map.of("FOO_OLM_SOURCE_URL", unreachableUrl()), "--print-paths");

    assertThat(r.exit).isZero();
    assertThat(OlmBinaries.fromPaths(r.stdout).opm()).isEqualTo(cache.resolve("opm/1.73.0/opm"));
  }

  /** Broken: a failure (neither success nor the skip code) that names the step it failed at. */
  private static void assertBroken(Result r, String step) {
    assertThat(r.exit).as("exit code").isNotIn(0, OlmBinaries.EXIT_UNAVAILABLE);
    assertThat(r.stderr).contains("FAILED at step: " + step).doesNotContain("OLM TIER SKIPPED");
  }

  private Result olm(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(RepoRoot.find().resolve("hack/olm").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> environment = pb.environment();
    environment.remove("FOO_THIRD_PARTY_DIR");
    environment.remove("FOO_REQUIRE_OLM");
    environment.remove("FOO_OLM_SOURCE_URL");
    environment.put("FOO_CACHE_DIR", cache.toString());
    environment.putAll(env);
    Path out = Files.createTempFile("olm-out", ".txt");
    Path err = Files.createTempFile("olm-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hack/olm finished").isTrue();
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  /** A URL on loopback where nothing listens. */
  private static String unreachableUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  private record Served(HttpServer server) implements AutoCloseable {
    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** Answers every request with this status and body (HEAD requests with the status alone). */
  private static Served serve(int status, byte[] body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean head = "HEAD".equals(exchange.getRequestMethod());
          exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
          if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    return new Served(server);
  }

  /**
   * A gzipped tar of {@code TOP/go.mod} and a {@code TOP/cmd/olm} package that does not compile,
   * made by tar itself: enough to pass unpacking and fail at the build.
   */
  private byte[] sourceTarball(String top) throws Exception {
    Path src = Files.createTempDirectory(cache.getParent(), "src");
    write(src.resolve(top + "/go.mod"), "module example.invalid/olm\n\ngo 1.22\n");
    write(src.resolve(top + "/cmd/olm/main.go"), "package main\n\nfunc main() { broken }\n");
    // Enough incompressible bytes that half the archive ends inside a file, not after it.
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Files.write(src.resolve(top + "/noise.bin"), noise);
    Process tar = new ProcessBuilder("tar", "-cf", "-", "-C", src.toString(), top).start();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
      tar.getInputStream().transferTo(zip);
    }
    assertThat(tar.waitFor()).isZero();
    return gz.toByteArray();
  }

  private static void write(Path file) throws IOException {
    write(file, "");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
