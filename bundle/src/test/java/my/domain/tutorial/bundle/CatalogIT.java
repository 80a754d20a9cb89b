package my.domain.tutorial.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import my.domain.tutorial.bundle.catalog.CatalogBundle;
import my.domain.tutorial.bundle.catalog.FileBasedCatalog;
import my.domain.tutorial.bundle.catalog.Opm;
import my.domain.tutorial.testsupport.OlmTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-based catalog of the built bundle passes {@code opm validate}, which catches a bad one.
 */
@ExtendWith(OlmTier.class)
class CatalogIT {
  private static Opm opm;
  @TempDir Path scratch;

  @BeforeAll
  static void provisionOpm(ExtensionContext context) {
    opm = new Opm(OlmTier.opm(context));
  }

  @Test
  void theCatalogOfTheBuiltBundle_passesOpmValidate() throws Exception {
    GeneratedBundle bundle = GeneratedBundle.read();

    Path dir =
        FileBasedCatalog.write(
            opm, scratch.resolve("catalog"), List.of(CatalogBundle.read(bundle.dir())));

    Path pkg = dir.resolve("foo-operator");
    assertThat(Files.readString(pkg.resolve("package.yaml")))
        .contains("schema: olm.package")
        .contains("defaultChannel: candidate");
    assertThat(Files.readString(pkg.resolve("channels.yaml")))
        .contains("schema: \"olm.channel\"")
        .contains(bundle.csv().getMetadata().getName());
    assertThat(Files.readString(pkg.resolve(bundle.csv().getMetadata().getName() + ".yaml")))
        .contains("schema: olm.bundle")
        .contains("olm.bundle.object");
  }

  @Test
  void aCatalogWhoseDefaultChannelDoesNotExist_isRejectedByOpmValidate() throws Exception {
    Path dir =
        FileBasedCatalog.write(
            opm,
            scratch.resolve("catalog"),
            List.of(CatalogBundle.read(GeneratedBundle.location())));
    Path pkg = dir.resolve("foo-operator/package.yaml");
    Files.writeString(
        pkg, Files.readString(pkg).replace("defaultChannel: candidate", "defaultChannel: nope"));

    assertThatThrownBy(() -> opm.validate(dir))
        .hasMessageContaining("opm")
        .hasMessageContaining("nope");
  }
}
