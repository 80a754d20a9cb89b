package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
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
  String reader;
  String readerToken;
  String nobodyToken;

  /** One kubeconfig (or list of them) and who it must authenticate as; empty: it must fail. */
  record Case(String name, Map<String, String> env, Optional<String> identity) {}

  @BeforeEach
  void setUp(ControlPlane cp) throws IOException {
    this.cp = cp;
    admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    ns = TestNamespace.create(admin, "kf-corpus");
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
  }

  @AfterEach
  void tearDown() throws IOException {
    proxy.close();
    admin.rbac().clusterRoleBindings().withName(ns.name()).delete();
    ns.close();
  }

  @Test
  void everyKubeconfigOfTheCorpus_givesThePluginTheOutcomeItGivesKubectl() throws IOException {
    List<String> disagreements = new ArrayList<>();
    for (Case c : corpus()) {
      Kubectl k = kubectl;
      for (Map.Entry<String, String> e : c.env().entrySet()) {
        k = k.withEnv(e.getKey(), e.getValue());
      }
      Result byKubectl = k.run("get", "foos", "-A");
      Result byPlugin = k.run("foo", "get", "-A");
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
    Map<String, String> fabric8Env = new LinkedHashMap<>();
    fabric8Env.put(
        "KUBECONFIG", kubeconfig("env", server, caData, "token: " + readerToken).toString());
    fabric8Env.put("KUBERNETES_MASTER", "https://127.0.0.1:1");
    fabric8Env.put("KUBERNETES_AUTH_TOKEN", nobodyToken);
    fabric8Env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
    fabric8Env.put("KUBERNETES_NAMESPACE", "kube-system");
    cases.add(
        new Case(
            "fabric8's environment variables, which kubectl ignores",
            fabric8Env,
            Optional.of(reader)));
    return cases;
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
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns.name())
                .endMetadata()
                .build())
        .create();
    return admin
        .serviceAccounts()
        .inNamespace(ns.name())
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
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
