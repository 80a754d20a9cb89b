package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BundleVersionTest {
  @Test
  void snapshot_becomesALowercasePrerelease_thatSortsBeforeTheRelease() {
    assertThat(BundleVersion.fromMaven("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-snapshot");
  }

  @Test
  void release_staysAsItIs() {
    assertThat(BundleVersion.fromMaven("1.4.2")).isEqualTo("1.4.2");
  }

  @Test
  void shortVersions_arePaddedToThreeNumbers() {
    assertThat(BundleVersion.fromMaven("2")).isEqualTo("2.0.0");
    assertThat(BundleVersion.fromMaven("1.3-SNAPSHOT")).isEqualTo("1.3.0-snapshot");
  }

  @Test
  void qualifiers_areLowercasedPrereleases() {
    assertThat(BundleVersion.fromMaven("1.0.0-RC1")).isEqualTo("1.0.0-rc1");
    assertThat(BundleVersion.fromMaven("1.0.0.Beta2")).isEqualTo("1.0.0-beta2");
  }

  @Test
  void anExplicitVersion_winsOverTheMavenVersion() {
    assertThat(BundleVersion.of("0.1.0-SNAPSHOT", "0.1.0")).isEqualTo("0.1.0");
    assertThat(BundleVersion.of("0.1.0-SNAPSHOT", " ")).isEqualTo("0.1.0-snapshot");
  }

  @Test
  void anExplicitVersion_mustBeSemverWithoutBuildMetadata() {
    assertThatThrownBy(() -> BundleVersion.of("0.1.0", "v1.0"))
        .hasMessageContaining("not a semantic version");
    assertThatThrownBy(() -> BundleVersion.of("0.1.0", "1.0.0+build.5"))
        .hasMessageContaining("build metadata");
    assertThatThrownBy(() -> BundleVersion.of("0.1.0", "1.0.0-RC1"))
        .hasMessageContaining("lowercase");
  }

  @Test
  void aMavenVersionSemverCannotExpress_isRejected() {
    assertThatThrownBy(() -> BundleVersion.fromMaven("latest"))
        .hasMessageContaining("set bundle.version");
    assertThatThrownBy(() -> BundleVersion.fromMaven("1.0.0-rc_1"))
        .hasMessageContaining("set bundle.version");
  }
}
