package my.domain.tutorial.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundle as the build makes it, generated in-process from the real sources. */
final class TestBundles {
  private TestBundles() {}

  static Path repoRoot() {
    String root = System.getProperty("foo.repo.root");
    return root == null || root.isBlank()
        ? Path.of("..").toAbsolutePath().normalize()
        : Path.of(root);
  }

  static BundleSettings settings(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--out=" + Path.of("target", "test-bundle").toAbsolutePath(),
                "--samples=" + repoRoot().resolve("config/samples"),
                "--csv-base=" + Path.of("src/main/csv").toAbsolutePath(),
                "--maven-version=0.1.0-SNAPSHOT",
                "--package=foo-operator",
                "--channels=candidate",
                "--default-channel=candidate",
                "--scorecard-image=quay.io/operator-framework/scorecard-test:v1.42.0"));
    args.addAll(List.of(extra));
    return BundleSettings.fromArgs(args.toArray(String[]::new));
  }

  static BundleSources sources() {
    return BundleSources.load(settings());
  }

  static Bundle bundle(String... extra) {
    BundleSettings settings = settings(extra);
    return BundleFactory.create(BundleSources.load(settings), settings);
  }
}
