package my.domain.tutorial.bundle;

import java.nio.file.Path;

/**
 * Build-time entry point (the bundle pom runs it in prepare-package): writes {@code
 * <out>/bundle/{manifests,metadata,tests/scorecard}} and {@code <out>/bundle.Dockerfile}. Arguments
 * are {@code --key=value}; see {@link BundleSettings}.
 */
public final class BundleGenerator {
  private BundleGenerator() {}

  public static void main(String[] args) {
    BundleSettings settings = BundleSettings.fromArgs(args);
    Bundle bundle = BundleFactory.create(BundleSources.load(settings), settings);
    Path dir = BundleWriter.write(bundle, settings.outputDirectory());
    System.out.println(
        "[bundle] wrote "
            + bundle.csv().getMetadata().getName()
            + " (channels "
            + String.join(",", settings.channels())
            + ", default "
            + settings.defaultChannel()
            + ") to "
            + dir);
  }
}
