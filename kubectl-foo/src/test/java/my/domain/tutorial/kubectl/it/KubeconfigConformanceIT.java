package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.controlplane.ClientCertificate;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.ServiceAccountTokens;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl is the oracle: every kubeconfig of the corpus is used by {@code kubectl get foos -A} and
 * by {@code kubectl foo get -A} (the JVM plugin, or the native one in the native tier), and both
 * must end the same way: listing the Foos as the same identity (only the identity named in the case
 * may list Foos; {@code kubectl auth whoami} shows who kubectl was), or both failing, the plugin
 * with exit 4 (the cluster or the credentials cannot be used), never 5. A kubeconfig kind kubectl
 * supports and the plugin does not makes this test fail: add every new kind here.
 */
@ExtendWith(ControlPlaneExtension.class)
class KubeconfigConformanceIT {
  static final String READER_ROLE = "kf-corpus-foo-reader";
  static final String IMPERSONATED = "kf-corpus-jane";
  static final String GROUP = "kf-corpus-readers";
  static final String CERT_USER = "kf-corpus-cert-user";

  @TempDir Path dir;
  @TempDir static Path home;

  ControlPlane cp;
  KubernetesClient admin;
  TestNamespace ns;
  Kubectl kubectl;
  ConnectProxy proxy;
  ConnectProxy tlsProxy;
  OidcIssuer issuer;
  String expiredIdToken = expiredJwt();
  String reader;
  String readerToken;
  String nobodyToken;

  /**
   * One kubeconfig (or list of them) and who it must authenticate as; empty: it must fail. {@code
   * pluginEnv} points the plugin at its own copy where the kubeconfig is written to (oidc).
   */
  record Case(
      String name,
      Map<String, String> env,
      Map<String, String> pluginEnv,
      Optional<String> identity) {
    Case(String name, Map<String, String> env, Optional<String> identity) {
      this(name, env, env, identity);
    }
  }

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) throws IOException {
    this.cp = cp;
    admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    this.ns = ns;
    kubectl = Kubectl.admin(cp, home);
    Foo foo = new Foo();
    foo.getMetadata().setName("corpus-foo");
    foo.getMetadata().setNamespace(ns.name());
    foo.setSpec(new FooSpec("jack"));
    admin.resource(foo).create();
    // Only the reader ServiceAccount, the user kf-corpus-jane and the group kf-corpus-readers may
    // list Foos (across namespaces, as -A does); the nobody ServiceAccount may not.
    admin
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(READER_ROLE)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("tutorial.my.domain")
                        .withResources("foos")
                        .withVerbs("get", "list")
                        .build())
                .build())
        .createOr(existing -> existing.update());
    readerToken = serviceAccountToken("reader");
    nobodyToken = serviceAccountToken("nobody");
    reader = "system:serviceaccount:" + ns.name() + ":reader";
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(ns.name())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", READER_ROLE)
                .withSubjects(
                    new SubjectBuilder()
                        .withKind("ServiceAccount")
                        .withName("reader")
                        .withNamespace(ns.name())
                        .build(),
                    new SubjectBuilder()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("User")
                        .withName(IMPERSONATED)
                        .build(),
                    new SubjectBuilder()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Group")
                        .withName(GROUP)
                        .build())
                .build())
        .create();
    proxy = new ConnectProxy(URI.create(cp.server()).getPort());
    // The https proxy presents the API server's own certificate, which the kubeconfig's CA
    // (that certificate) trusts: kubectl checks a proxy with the cluster's TLS settings.
    try {
      tlsProxy =
          ConnectProxy.tls(
              URI.create(cp.server()).getPort(),
              caFile(),
              cp.config().dataDir().resolve("certs/apiserver.key"));
    } catch (Exception e) {
      throw new IOException(e);
    }
    // The issuer hands out the reader's ServiceAccount token as the refreshed id-token: a JWT the
    // API server knows, which kubectl and the plugin send as they would a real id-token.
    issuer = new OidcIssuer(readerToken);
  }

  @AfterEach
  void tearDown() throws IOException {
    proxy.close();
    if (tlsProxy != null) {
      tlsProxy.close();
    }
    issuer.close();
    admin.rbac().clusterRoleBindings().withName(ns.name()).delete();
  }

  @Test
  void everyKubeconfigOfTheCorpus_givesThePluginTheOutcomeItGivesKubectl() throws IOException {
    List<String> disagreements = new ArrayList<>();
    Map<String, Result> pluginResults = new LinkedHashMap<>();
    for (Case c : corpus()) {
      Kubectl k = kubectl;
      for (Map.Entry<String, String> e : c.env().entrySet()) {
        k = k.withEnv(e.getKey(), e.getValue());
      }
      Kubectl kp = kubectl;
      for (Map.Entry<String, String> e : c.pluginEnv().entrySet()) {
        kp = kp.withEnv(e.getKey(), e.getValue());
      }
      Result byKubectl = k.run("get", "foos", "-A");
      Result byPlugin = kp.run("foo", "get", "-A");
      pluginResults.put(c.name(), byPlugin);
      Optional<String> whoami =
          byKubectl.exitCode() == 0
              ? Optional.of(
                  k.run("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}").out())
              : Optional.empty();
      boolean kubectlAsExpected =
          c.identity().isPresent()
              ? byKubectl.exitCode() == 0
                  && byKubectl.out().contains("corpus-foo")
                  && whoami.equals(c.identity())
              : byKubectl.exitCode() != 0;
      boolean pluginAgrees =
          byKubectl.exitCode() == 0
              ? byPlugin.exitCode() == 0 && byPlugin.out().contains("corpus-foo")
              : byPlugin.exitCode() == 4 && byPlugin.err().lines().count() >= 1;
      if (!kubectlAsExpected || !pluginAgrees) {
        disagreements.add(
            "== "
                + c.name()
                + " (expected "
                + c.identity().orElse("a failure")
                + (whoami.isPresent() ? ", kubectl was " + whoami.get() : "")
                + ")\n"
                + byKubectl
                + byPlugin);
      }
    }
    assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
    assertThat(proxy.tunnels.get()).as("requests through the proxy-url").isPositive();
    assertThat(tlsProxy.tunnels.get()).as("requests through the https proxy-url").isPositive();
    // Both wrote the refreshed tokens back to their own kubeconfig, as client-go writes them: the
    // new id-token, and the new refresh token, or the old one when the issuer did not rotate it.
    for (String who : List.of("kubectl", "plugin")) {
      assertThat(oidcTokens("oidc-rotating-" + who))
          .as("tokens written back by " + who + " after a rotating refresh")
          .containsEntry("id-token", readerToken)
          .containsEntry("refresh-token", OidcIssuer.ROTATED_REFRESH_TOKEN);
      assertThat(oidcTokens("oidc-keeping-" + who))
          .as("tokens written back by " + who + " after a refresh that keeps the refresh token")
          .containsEntry("id-token", readerToken)
          .containsEntry("refresh-token", OidcIssuer.REFRESH_TOKEN);
      assertThat(oidcTokens("oidc-refusing-" + who))
          .as("tokens of " + who + " after a refused refresh")
          .containsEntry("id-token", expiredIdToken)
          .containsEntry("refresh-token", OidcIssuer.REFRESH_TOKEN);
    }
    // One refresh each (kubectl's get, the plugin's get; kubectl's whoami finds a valid token).
    assertThat(issuer.grants.get(OidcIssuer.Answer.ROTATING)).hasValue(2);
    for (String name : List.of(OIDC_REFUSED, OIDC_DOWN, OIDC_EXPIRED_NO_REFRESH)) {
      assertThat(pluginResults.get(name).err())
          .as("the plugin's error for " + name + " names the credential step")
          .contains("cannot get credentials for user \"corpus-user\" from its oidc auth-provider");
    }
    assertThat(pluginResults.get(OIDC_REFUSED).err())
        .as("fabric8's warnings appear only with -v")
        .doesNotContain("invalid_grant");
  }

  @Test
  void withV_fabric8sWarningsAreShown_theIssuersRefusalOfAnOidcRefresh() throws IOException {
    Path config =
        oidcKubeconfig(
            "oidc-verbose", issuer.url(OidcIssuer.Answer.REFUSING), OidcIssuer.REFRESH_TOKEN);
    Kubectl k = kubectl.withEnv("KUBECONFIG", config.toString());

    Result quiet = k.run("foo", "get", "-A");
    Result verbose = k.run("foo", "get", "-A", "-v");

    assertThat(quiet.exitCode()).as(quiet.toString()).isEqualTo(4);
    assertThat(quiet.err())
        .as(quiet.toString())
        .doesNotContain("WARN")
        .doesNotContain("invalid_grant");
    assertThat(verbose.exitCode()).as(verbose.toString()).isEqualTo(4);
    assertThat(verbose.err())
        .as(verbose.toString())
        .contains("WARN")
        .contains("corpus: the refresh token was revoked")
        .contains("from its oidc auth-provider");
  }

  private List<Case> corpus() throws IOException {
    String server = cp.server();
    String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(caFile()));
    Files.copy(caFile(), dir.resolve("ca.crt"));
    Files.writeString(dir.resolve("reader.token"), readerToken + "\n");
    String readerJson = execCredential("client.authentication.k8s.io/v1", readerToken);
    script(
        "reader-plugin.sh",
        "echo 'opening a browser... (not really)' >&2\necho '" + readerJson + "'\n");
    script(
        "env-plugin.sh",
        "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
            + "\"status\":{\"token\":\"'\"$CORPUS_TOKEN\"'\"}}'\n");
    script("failing-plugin.sh", "echo 'your session expired' >&2\nexit 1\n");
    script("nonsense-plugin.sh", "echo 'token: yes'\n");

    String caData = "    certificate-authority-data: " + ca + "\n";
    List<Case> cases = new ArrayList<>();
    cases.add(ok("token", kubeconfig("token", server, caData, "token: " + readerToken)));
    cases.add(
        fails(
            "token of an identity without rights",
            kubeconfig("nobody", server, caData, "token: " + nobodyToken)));
    cases.add(
        ok(
            "tokenFile relative to the kubeconfig",
            kubeconfig("tokenfile", server, caData, "tokenFile: reader.token")));
    cases.add(
        ok(
            "exec v1 that writes to stderr, relative command",
            kubeconfig(
                "exec-v1",
                server,
                caData,
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    + "      command: ./reader-plugin.sh\n      interactiveMode: Never\n")));
    cases.add(
        ok(
            "exec v1beta1 with env and args",
            kubeconfig(
                "exec-v1beta1",
                server,
                caData,
                "exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                    + "      command: "
                    + dir.resolve("env-plugin.sh")
                    + "\n      args: [--cluster, corpus]\n"
                    + "      env:\n      - {name: CORPUS_TOKEN, value: "
                    + readerToken
                    + "}\n")));
    cases.add(
        fails(
            "exec command missing, with an installHint",
            kubeconfig(
                "exec-missing",
                server,
                caData,
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    + "      command: kf-corpus-no-such-plugin\n      interactiveMode: Never\n"
                    + "      installHint: install kf-corpus-no-such-plugin first\n")));
    cases.add(
        fails(
            "exec plugin that exits 1",
            kubeconfig(
                "exec-failing",
                server,
                caData,
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    + "      command: ./failing-plugin.sh\n      interactiveMode: Never\n")));
    cases.add(
        fails(
            "exec plugin that answers nonsense",
            kubeconfig(
                "exec-nonsense",
                server,
                caData,
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    + "      command: ./nonsense-plugin.sh\n      interactiveMode: Never\n")));
    cases.add(
        ok(
            "certificate-authority file, relative to the kubeconfig",
            kubeconfig(
                "ca-file",
                server,
                "    certificate-authority: ca.crt\n",
                "token: " + readerToken)));
    cases.add(
        fails(
            "no CA for a self-signed server",
            kubeconfig("no-ca", server, "", "token: " + readerToken)));
    cases.add(
        ok(
            "insecure-skip-tls-verify",
            kubeconfig(
                "insecure",
                server,
                "    insecure-skip-tls-verify: true\n",
                "token: " + readerToken)));
    cases.add(
        ok(
            "tls-server-name the certificate names",
            kubeconfig(
                "tls-good",
                server,
                caData + "    tls-server-name: kubernetes.default\n",
                "token: " + readerToken)));
    cases.add(
        fails(
            "tls-server-name the certificate does not name",
            kubeconfig(
                "tls-bad",
                server,
                caData + "    tls-server-name: not-the-api-server.example\n",
                "token: " + readerToken)));
    String unresolvable = server.replace("127.0.0.1", "kubernetes.default");
    cases.add(
        ok(
            "http proxy-url (the server's name resolves only at the proxy)",
            kubeconfig(
                "proxy",
                unresolvable,
                caData + "    proxy-url: " + proxy.url() + "\n",
                "token: " + readerToken)));
    cases.add(
        ok(
            "https proxy-url, trusted through the cluster's CA",
            kubeconfig(
                "https-proxy",
                unresolvable,
                caData + "    proxy-url: " + tlsProxy.url() + "\n",
                "token: " + readerToken)));
    cases.add(
        fails(
            "https proxy-url named by a name its certificate does not carry (localhost)",
            kubeconfig(
                "https-proxy-untrusted",
                unresolvable,
                caData
                    + "    proxy-url: "
                    + tlsProxy.url().replace("127.0.0.1", "localhost")
                    + "\n",
                "token: " + readerToken)));
    cases.add(
        fails(
            "socks5 proxy-url",
            kubeconfig(
                "socks",
                server,
                caData + "    proxy-url: socks5://127.0.0.1:1\n",
                "token: " + readerToken)));
    cases.add(
        ok(
            "as: a user with rights, impersonated by the admin",
            IMPERSONATED,
            kubeconfig(
                "as-jane",
                server,
                caData,
                "token: " + adminToken() + "\n    as: " + IMPERSONATED)));
    cases.add(
        fails(
            "as: a user without rights, impersonated by the admin",
            kubeconfig(
                "as-nobody",
                server,
                caData,
                "token: " + adminToken() + "\n    as: kf-corpus-nobody")));
    cases.add(
        ok(
            "as-groups: a group with rights",
            "kf-corpus-nobody",
            kubeconfig(
                "as-group",
                server,
                caData,
                "token: "
                    + adminToken()
                    + "\n    as: kf-corpus-nobody\n    as-groups: ["
                    + GROUP
                    + "]\n    as-uid: '1234'\n    as-user-extra: {team: [corpus]}")));
    ClientCertificate certificate = cp.clients().certificate(CERT_USER, GROUP);
    Files.writeString(dir.resolve("client.crt"), certificate.certificatePem());
    Files.writeString(dir.resolve("client.key"), certificate.keyPem());
    cases.add(
        ok(
            "client-certificate and client-key files, relative to the kubeconfig",
            CERT_USER,
            kubeconfig(
                "cert-files",
                server,
                caData,
                "client-certificate: client.crt\n    client-key: client.key")));
    cases.add(
        ok(
            "client-certificate-data and client-key-data",
            CERT_USER,
            kubeconfig(
                "cert-data",
                server,
                caData,
                "client-certificate-data: "
                    + base64(certificate.certificatePem())
                    + "\n    client-key-data: "
                    + base64(certificate.keyPem()))));
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path first = kubeconfig("merge-first", server, caData, "token: " + readerToken);
    Path second = kubeconfig("merge-second", server, caData, "token: " + nobodyToken);
    cases.add(
        new Case(
            "several files: the first to define a name wins; empty and missing files are skipped",
            Map.of(
                "KUBECONFIG",
                String.join(
                    File.pathSeparator,
                    empty.toString(),
                    dir.resolve("missing.yaml").toString(),
                    first.toString(),
                    second.toString())),
            Optional.of(reader)));
    cases.add(
        new Case(
            "several files, the other order",
            Map.of("KUBECONFIG", second + File.pathSeparator + empty + File.pathSeparator + first),
            Optional.empty()));
    for (OidcIssuer.Answer answer : OidcIssuer.Answer.values()) {
      cases.add(
          oidc(
              answer == OidcIssuer.Answer.REFUSING
                  ? OIDC_REFUSED
                  : "oidc: an expired id-token, refreshed at the issuer ("
                      + answer.name().toLowerCase(java.util.Locale.ROOT)
                      + ")",
              "oidc-" + answer.name().toLowerCase(java.util.Locale.ROOT),
              issuer.url(answer),
              OidcIssuer.REFRESH_TOKEN,
              answer != OidcIssuer.Answer.REFUSING));
    }
    cases.add(oidc(OIDC_DOWN, "oidc-down", "http://127.0.0.1:1", OidcIssuer.REFRESH_TOKEN, false));
    cases.add(
        oidc(
            OIDC_EXPIRED_NO_REFRESH,
            "oidc-no-refresh",
            issuer.url(OidcIssuer.Answer.ROTATING),
            null,
            false));
    cases.add(
        ok(
            "oidc: a valid id-token is sent without asking the issuer (which is down)",
            kubeconfig(
                "oidc-valid",
                server,
                caData,
                oidcUser("http://127.0.0.1:1", OidcIssuer.REFRESH_TOKEN, readerToken))));
    script(
        "cluster-plugin.sh",
        "case \"$KUBERNETES_EXEC_INFO\" in\n"
            + "  *'\"cluster\":{\"server\":\""
            + server
            + "\",\"certificate-authority-data\":\""
            + ca
            + "\",\"config\":{\"audience\":\"corpus\"}}'*) echo '"
            + readerJson
            + "' ;;\n"
            + "  *) echo \"no cluster in KUBERNETES_EXEC_INFO: $KUBERNETES_EXEC_INFO\" >&2; exit 1 ;;\n"
            + "esac\n");
    cases.add(
        ok(
            "exec with provideClusterInfo: the plugin is told the cluster and its exec extension",
            kubeconfig(
                "exec-cluster-info",
                server,
                caData
                    + "    extensions:\n    - name: client.authentication.k8s.io/exec\n"
                    + "      extension: {audience: corpus}\n",
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                    + "      command: ./cluster-plugin.sh\n      interactiveMode: Never\n"
                    + "      provideClusterInfo: true\n")));
    Map<String, String> fabric8Env = new LinkedHashMap<>();
    fabric8Env.put(
        "KUBECONFIG", kubeconfig("env", server, caData, "token: " + readerToken).toString());
    fabric8Env.put("KUBERNETES_MASTER", "https://127.0.0.1:1");
    fabric8Env.put("KUBERNETES_AUTH_TOKEN", nobodyToken);
    fabric8Env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
    fabric8Env.put("KUBERNETES_NAMESPACE", "kube-system");
    fabric8Env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    fabric8Env.put("KUBERNETES_DISABLE_AUTOCONFIG", "true");
    fabric8Env.put("KUBERNETES_CERTS_CA_DATA", base64("not a certificate"));
    fabric8Env.put("KUBERNETES_AUTH_BASIC_USERNAME", "kf-corpus-nobody");
    fabric8Env.put("KUBERNETES_AUTH_BASIC_PASSWORD", "secret");
    fabric8Env.put("KUBERNETES_HTTPS_PROXY", "http://127.0.0.1:1");
    fabric8Env.put("KUBERNETES_REQUEST_TIMEOUT", "1");
    fabric8Env.put("KUBERNETES_TLS_VERSIONS", "TLSv1");
    cases.add(
        new Case(
            "fabric8's environment variables, which kubectl ignores",
            fabric8Env,
            Optional.of(reader)));
    return cases;
  }

  static final String OIDC_REFUSED = "oidc: the issuer refuses the refresh (invalid_grant)";
  static final String OIDC_DOWN = "oidc: an expired id-token and the issuer down";
  static final String OIDC_EXPIRED_NO_REFRESH = "oidc: an expired id-token and no refresh-token";

  /**
   * An oidc user with an expired id-token: kubectl and the plugin each get their own copy of the
   * kubeconfig ({@code FILE-kubectl.yaml}, {@code FILE-plugin.yaml}), since both write to it.
   */
  private Case oidc(
      String name, String file, String issuerUrl, String refreshToken, boolean succeeds)
      throws IOException {
    Path byKubectl = oidcKubeconfig(file + "-kubectl", issuerUrl, refreshToken);
    Path byPlugin = oidcKubeconfig(file + "-plugin", issuerUrl, refreshToken);
    return new Case(
        name,
        Map.of("KUBECONFIG", byKubectl.toString()),
        Map.of("KUBECONFIG", byPlugin.toString()),
        succeeds ? Optional.of(reader) : Optional.empty());
  }

  private Path oidcKubeconfig(String file, String issuerUrl, String refreshToken)
      throws IOException {
    String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(caFile()));
    return kubeconfig(
        file,
        cp.server(),
        "    certificate-authority-data: " + ca + "\n",
        oidcUser(issuerUrl, refreshToken, expiredIdToken));
  }

  private static String oidcUser(String issuerUrl, String refreshToken, String idToken) {
    return "auth-provider:\n      name: oidc\n      config:\n"
        + "        idp-issuer-url: "
        + issuerUrl
        + "\n        client-id: "
        + OidcIssuer.CLIENT_ID
        + "\n        client-secret: "
        + OidcIssuer.CLIENT_SECRET
        + (refreshToken == null ? "" : "\n        refresh-token: " + refreshToken)
        + "\n        id-token: "
        + idToken;
  }

  /** An unsigned JWT for the reader that expired an hour ago. */
  private static String expiredJwt() {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes())
        + "."
        + url.encodeToString(
            ("{\"iss\":\"corpus\",\"sub\":\"reader\",\"aud\":\"corpus-client\",\"exp\":"
                    + (java.time.Instant.now().getEpochSecond() - 3600)
                    + "}")
                .getBytes())
        + ".c2lnbmF0dXJl";
  }

  /** The auth-provider config of the kubeconfig {@code FILE.yaml}'s only user, as written back. */
  private Map<String, String> oidcTokens(String file) {
    io.fabric8.kubernetes.api.model.Config config =
        io.fabric8.kubernetes.client.internal.KubeConfigUtils.parseConfig(
            dir.resolve(file + ".yaml").toFile());
    return config.getUsers().get(0).getUser().getAuthProvider().getConfig();
  }

  private Case ok(String name, Path kubeconfig) {
    return ok(name, reader, kubeconfig);
  }

  private static Case ok(String name, String identity, Path kubeconfig) {
    return new Case(name, Map.of("KUBECONFIG", kubeconfig.toString()), Optional.of(identity));
  }

  private static Case fails(String name, Path kubeconfig) {
    return new Case(name, Map.of("KUBECONFIG", kubeconfig.toString()), Optional.empty());
  }

  /** A kubeconfig file with one context, its cluster ({@code clusterExtra} YAML) and user. */
  private Path kubeconfig(String name, String server, String clusterExtra, String user)
      throws IOException {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        "apiVersion: v1\nkind: Config\nclusters:\n- name: corpus\n  cluster:\n    server: "
            + server
            + "\n"
            + clusterExtra
            + "users:\n- name: corpus-user\n  user:\n    "
            + user
            + "\ncontexts:\n- name: corpus\n  context: {cluster: corpus, user: corpus-user}\n"
            + "current-context: corpus\n");
  }

  private String adminToken() {
    return cp.adminConfig().getAutoOAuthToken() != null
        ? cp.adminConfig().getAutoOAuthToken()
        : cp.adminConfig().getOauthToken();
  }

  private Path caFile() {
    return cp.config().dataDir().resolve("certs/apiserver.crt");
  }

  private String serviceAccountToken(String name) {
    return ServiceAccountTokens.createAndMint(admin, ns.name(), name);
  }

  private static String base64(String text) {
    return Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String execCredential(String apiVersion, String token) {
    return "{\"kind\":\"ExecCredential\",\"apiVersion\":\""
        + apiVersion
        + "\",\"status\":{\"token\":\""
        + token
        + "\"}}";
  }

  private void script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
