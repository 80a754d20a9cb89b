package my.domain.tutorial.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartFailureTest {
  @Test
  void namesEachCauseOnce_outermostFirst_onOneLine() {
    var forbidden =
        new IllegalStateException(
            "pods is forbidden: User \"system:serviceaccount:foo-system:foo-operator\"\n"
                + "cannot list resource \"pods\"");
    var informer = new RuntimeException("Couldn't start informer for pods", forbidden);
    var wrapped = new RuntimeException(informer.toString(), informer);

    assertThat(StartFailure.describe(wrapped))
        .isEqualTo(
            "java.lang.RuntimeException: Couldn't start informer for pods: pods is forbidden: User"
                + " \"system:serviceaccount:foo-system:foo-operator\" cannot list resource"
                + " \"pods\"");
  }

  @Test
  void aFailureWithoutMessage_isNamedByItsClass() {
    assertThat(StartFailure.describe(new NullPointerException())).isEqualTo("NullPointerException");
  }

  @Test
  void aLongCause_isCut() {
    assertThat(StartFailure.describe(new RuntimeException("x".repeat(5000))))
        .hasSize(1000)
        .endsWith("...");
  }
}
