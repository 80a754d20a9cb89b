package my.domain.tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import my.domain.tutorial.api.v1.Foo;
import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.testsupport.ControlPlaneExtension;
import my.domain.tutorial.testsupport.OperatorUnderTest;
import my.domain.tutorial.testsupport.TestNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API server itself enforces the Foo schema and the status subresource. */
@ExtendWith(ControlPlaneExtension.class)
class CrdValidationIT {
  private KubernetesClient admin;
  private TestNamespace ns;

  @BeforeEach
  void setUp(ControlPlane cp, TestNamespace ns) {
    admin = cp.adminClient();
    OperatorUnderTest.installCrd(admin);
    this.ns = ns;
  }

  @Test
  void theCrdInstallsAndServesFoos() {
    var crd = admin.apiextensions().v1().customResourceDefinitions().withName(Foo.CRD_NAME).get();
    assertThat(crd.getStatus().getAcceptedNames().getKind()).isEqualTo("Foo");

    admin.resource(Foo.of(ns.name(), "valid", "jack-5d9f.web")).create();
    assertThat(admin.resources(Foo.class).inNamespace(ns.name()).withName("valid").get())
        .isNotNull();
  }

  @Test
  void uppercaseFriendName_isRejectedNamingSpecName() {
    assertRejected(Map.of("name", "Jack"), "spec.name", "should match");
  }

  @Test
  void emptyFriendName_isRejectedNamingSpecName() {
    assertRejected(Map.of("name", ""), "spec.name", "should be at least 1 chars long");
  }

  @Test
  void missingFriendName_isRejectedAsRequired() {
    assertRejected(Map.of(), "spec.name", "Required value");
  }

  @Test
  void missingSpec_isRejectedAsRequired() {
    assertRejected(null, "spec", "Required value");
  }

  @Test
  void friendNameOver253Characters_isRejectedNamingSpecName() {
    assertRejected(Map.of("name", "a".repeat(254)), "spec.name", "may not be more than 253");
  }

  @Test
  void aSpecWriteCannotSetStatus_becauseStatusIsASubresource() {
    Foo foo = Foo.of(ns.name(), "sneaky", "jack");
    var status = new my.domain.tutorial.api.v1.FooStatus();
    status.setHappy(true);
    foo.setStatus(status);

    Foo created = admin.resource(foo).create();

    assertThat(created.getStatus()).isNull();
  }

  private void assertRejected(Map<String, Object> spec, String field, String why) {
    GenericKubernetesResource foo =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("tutorial.my.domain/v1")
            .withKind("Foo")
            .withNewMetadata()
            .withName("invalid")
            .withNamespace(ns.name())
            .endMetadata()
            .build();
    if (spec != null) {
      foo.setAdditionalProperty("spec", spec);
    }

    assertThatThrownBy(() -> admin.resource(foo).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getDetails().getCauses())
                  .anySatisfy(
                      cause -> {
                        assertThat(cause.getField()).isEqualTo(field);
                        assertThat(cause.getMessage()).contains(why);
                      });
            });
  }
}
