package my.domain.tutorial.kubectl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.api.v1.FooSpec;
import my.domain.tutorial.kubectl.it.Kubectl.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's connection flags through the real kubectl on a real API server: impersonation is
 * authorized by the API server itself, and flags override a kubeconfig that would not work alone.
 */
class ConnectionFlagsIT extends WithPluginCluster {

  /** Kubeconfigs and other files the tests write. */
  @TempDir static Path files;

  @BeforeEach
  void setUp() {
    Foo foo = new Foo();
    foo.getMetadata().setName("foo-01");
    foo.getMetadata().setNamespace(ns.name());
    foo.setSpec(new FooSpec("jack"));
    admin.resource(foo).create();
    // jane and the group foo-readers may read Foos in the test namespace, nobody else may.
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("foo-reader")
                .withNamespace(ns.name())
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("tutorial.my.domain")
                        .withResources("foos")
                        .withVerbs("get", "list")
                        .build())
                .build())
        .create();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("foo-reader")
                .withNamespace(ns.name())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "foo-reader")
                .addNewSubject()
                .withKind("User")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName("jane")
                .endSubject()
                .addNewSubject()
                .withKind("Group")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName("foo-readers")
                .endSubject()
                .build())
        .create();
  }

  @AfterEach
  void cleanUp() {
    admin.rbac().clusterRoleBindings().withName(impersonator()).delete();
    admin.rbac().clusterRoles().withName(impersonator()).delete();
  }

  @Test
  void asAUserWithoutRights_getIsForbidden_andAsAUserWithRights_itMatchesKubectlGetFoos() {
    Result nobody = kubectl.run("foo", "get", "-n", ns.name(), "--as", "nobody");
    Result jane = kubectl.run("foo", "get", "-n", ns.name(), "--as=jane");
    Result janeByKubectl = kubectl.run("get", "foos", "-n", ns.name(), "--as=jane");

    assertThat(nobody.exitCode()).as(nobody.toString()).isEqualTo(4);
    assertThat(nobody.err())
        .startsWith("error: cannot list foos in namespace " + ns.name() + ": forbidden (")
        .contains("nobody")
        .hasLineCount(1);
    assertThat(jane.exitCode()).as(jane.toString()).isZero();
    assertThat(janeByKubectl.exitCode()).as(janeByKubectl.toString()).isZero();
    assertThat(ages(jane.out()))
        .isEqualTo(ages(janeByKubectl.out()))
        .startsWith("NAME     FRIEND   HAPPY");
  }

  @Test
  void asGroup_grantsTheGroupsRights() {
    Result alone = kubectl.run("foo", "get", "foo-01", "-n", ns.name(), "--as", "someone");
    Result inGroup =
        kubectl.run(
            "foo",
            "get",
            "foo-01",
            "-n",
            ns.name(),
            "--as",
            "someone",
            "--as-group",
            "foo-readers",
            "-o",
            "name");

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(4);
    assertThat(inGroup.exitCode()).as(inGroup.toString()).isZero();
    assertThat(inGroup.out()).isEqualTo("foo.tutorial.my.domain/foo-01\n");
  }

  @Test
  void aUserWhoMayOnlyImpersonate_isForbiddenAlone_andSucceedsAsTheUserWithRights() {
    String token = Cluster.tokenFor(admin, ns.name(), "impersonator", List.of(), List.of());
    admin
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(impersonator())
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("users")
                        .withResourceNames("jane")
                        .withVerbs("impersonate")
                        .build())
                .build())
        .create();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(impersonator())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", impersonator())
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("impersonator")
                .withNamespace(ns.name())
                .endSubject()
                .build())
        .create();
    Kubectl asImpersonator =
        kubectl.withKubeconfig(
            Kubectl.kubeconfigWithToken(
                cp, files.resolve("impersonator-" + ns.name()), token, null));

    Result alone = asImpersonator.run("foo", "get", "-n", ns.name());
    Result asJane = asImpersonator.run("foo", "get", "-n", ns.name(), "--as", "jane");
    Result asJill = asImpersonator.run("foo", "get", "-n", ns.name(), "--as", "jill");

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(4);
    assertThat(alone.err())
        .startsWith("error: cannot list foos in namespace " + ns.name() + ": forbidden (")
        .hasLineCount(1);
    assertThat(asJane.exitCode()).as(asJane.toString()).isZero();
    assertThat(asJane.out()).contains("foo-01");
    assertThat(asJill.exitCode()).as("may not impersonate jill: " + asJill).isEqualTo(4);
    assertThat(asJill.err()).contains("forbidden").hasLineCount(1);
  }

  @Test
  void serverTokenAndCertificateAuthorityFlags_overrideAKubeconfigThatWouldFail()
      throws IOException {
    Config real = Serialization.unmarshal(Files.readString(cp.kubeconfig()), Config.class);
    String adminToken = real.getUsers().get(0).getUser().getToken();
    Path ca =
        Files.write(
            files.resolve("ca-" + ns.name() + ".crt"),
            Base64.getDecoder()
                .decode(real.getClusters().get(0).getCluster().getCertificateAuthorityData()));
    Kubectl broken =
        kubectl.withKubeconfig(
            Kubectl.kubeconfigWithToken(
                cp, files.resolve("broken-" + ns.name()), "wrong-token", "https://127.0.0.1:1"));
    String[] flags = {
      "-n",
      ns.name(),
      "--server",
      cp.server(),
      "--token",
      adminToken,
      "--certificate-authority",
      ca.toString()
    };

    Result alone = broken.run("foo", "get", "-n", ns.name());
    Result overridden = broken.run(concat(new String[] {"foo", "get"}, flags));
    Result byKubectl = broken.run(concat(new String[] {"get", "foos"}, flags));
    Result insecure =
        broken.run(
            "foo",
            "get",
            "-n",
            ns.name(),
            "-s",
            cp.server(),
            "--token",
            adminToken,
            "--insecure-skip-tls-verify");

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(4);
    assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
    assertThat(ages(overridden.out())).isEqualTo(ages(byKubectl.out())).contains("foo-01");
    assertThat(insecure.exitCode()).as(insecure.toString()).isZero();
  }

  @Test
  void userAndClusterFlags_pickOtherEntriesOfTheKubeconfig() throws IOException {
    Config config = Serialization.unmarshal(Files.readString(cp.kubeconfig()), Config.class);
    String adminUser = config.getUsers().get(0).getName();
    String realCluster = config.getClusters().get(0).getName();
    config
        .getUsers()
        .add(
            new io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder()
                .withName("stale")
                .withNewUser()
                .withToken("wrong-token")
                .endUser()
                .build());
    config
        .getClusters()
        .add(
            new io.fabric8.kubernetes.api.model.NamedClusterBuilder()
                .withName("gone")
                .withNewCluster()
                .withServer("https://127.0.0.1:1")
                .endCluster()
                .build());
    config.getContexts().get(0).getContext().setUser("stale");
    config.getContexts().get(0).getContext().setCluster("gone");
    Path file =
        Files.writeString(files.resolve("stale-" + ns.name()), Serialization.asYaml(config));
    Kubectl stale = kubectl.withKubeconfig(file);

    Result alone = stale.run("foo", "get", "-n", ns.name());
    Result picked =
        stale.run("foo", "get", "-n", ns.name(), "--user", adminUser, "--cluster", realCluster);
    Result byKubectl =
        stale.run("get", "foos", "-n", ns.name(), "--user", adminUser, "--cluster", realCluster);

    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(4);
    assertThat(picked.exitCode()).as(picked.toString()).isZero();
    assertThat(ages(picked.out())).isEqualTo(ages(byKubectl.out())).contains("foo-01");
  }

  @Test
  void kubectlsCompletionOffersTheConnectionFlags() {
    Result r = kubectl.run("__complete", "foo", "get", "--as");

    assertThat(r.out().lines().map(l -> l.split("\t")[0]))
        .as(r.toString())
        .contains("--as", "--as-group", "--as-uid");
  }

  private String impersonator() {
    return "kf-impersonate-" + ns.name();
  }

  /** Ages may tick between two runs; everything else must be the same bytes. */
  private static String ages(String table) {
    return Kubectl.ages(table);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
