package my.domain.tutorial.kubectl.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import my.domain.tutorial.kubectl.errors.PluginException;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void podNamesFollowDns1123Subdomains() {
    assertThat(Names.isSubdomain("jack")).isTrue();
    assertThat(Names.isSubdomain("jack.example-1")).isTrue();
    assertThat(Names.isSubdomain("Jack")).isFalse();
    assertThat(Names.isSubdomain("-jack")).isFalse();
    assertThat(Names.isSubdomain("a".repeat(254))).isFalse();
  }

  @Test
  void anInvalidNameIsAUsageErrorWithASuggestion() {
    assertThatThrownBy(() -> Names.requireSubdomain("Foo name", "My_Foo"))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("invalid Foo name 'My_Foo'")
                  .endsWith("(for example 'my-foo')");
            });
  }

  @Test
  void namespacesAreDns1123Labels() {
    assertThat(Names.isLabel("team-a")).isTrue();
    assertThat(Names.isLabel("team.a")).isFalse();
    assertThatThrownBy(() -> Names.requireNamespace("Team")).isInstanceOf(PluginException.class);
  }
}
