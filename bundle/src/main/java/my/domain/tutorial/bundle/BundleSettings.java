package my.domain.tutorial.bundle;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generator's inputs, from {@code --key=value} arguments (the bundle pom passes its {@code
 * bundle.*} properties). Empty values mean "not set".
 */
public record BundleSettings(
    Path outputDirectory,
    Path samplesDirectory,
    Path csvBaseDirectory,
    String version,
    String packageName,
    List<String> channels,
    String defaultChannel,
    Optional<String> replaces,
    Optional<String> skipRange,
    Optional<String> image,
    String scorecardImage) {

  static final Set<String> KEYS =
      Set.of(
          "out",
          "samples",
          "csv-base",
          "maven-version",
          "version",
          "package",
          "channels",
          "default-channel",
          "replaces",
          "skip-range",
          "image",
          "scorecard-image");

  public static BundleSettings fromArgs(String... args) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0 || !KEYS.contains(arg.substring(2, eq))) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; expected --KEY=VALUE with KEY one of " + KEYS);
      }
      a.put(arg.substring(2, eq), arg.substring(eq + 1).trim());
    }
    String packageName = required(a, "package");
    List<String> channels =
        Arrays.stream(required(a, "channels").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    String defaultChannel =
        optional(a, "default-channel").orElse(channels.isEmpty() ? "" : channels.get(0));
    Optional<String> replaces = optional(a, "replaces");
    replaces
        .filter(r -> !r.startsWith(packageName + ".v"))
        .ifPresent(
            r -> {
              throw new IllegalArgumentException(
                  "bundle.replaces="
                      + r
                      + " must name a CSV of this package, "
                      + packageName
                      + ".vX.Y.Z");
            });
    return new BundleSettings(
        Path.of(required(a, "out")),
        Path.of(required(a, "samples")),
        Path.of(required(a, "csv-base")),
        BundleVersion.of(a.get("maven-version"), a.get("version")),
        packageName,
        channels,
        defaultChannel,
        replaces,
        optional(a, "skip-range"),
        optional(a, "image"),
        required(a, "scorecard-image"));
  }

  private static String required(Map<String, String> a, String key) {
    return optional(a, key)
        .orElseThrow(() -> new IllegalArgumentException("--" + key + " is required"));
  }

  private static Optional<String> optional(Map<String, String> a, String key) {
    return Optional.ofNullable(a.get(key)).filter(s -> !s.isBlank());
  }
}
