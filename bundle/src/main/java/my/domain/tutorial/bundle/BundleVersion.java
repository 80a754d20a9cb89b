package my.domain.tutorial.bundle;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle's semantic version, from the Maven version. OLM orders bundles by semver and names the
 * CSV {@code <package>.v<version>}, which must be a lowercase DNS subdomain, so:
 *
 * <ul>
 *   <li>{@code X.Y.Z} stays {@code X.Y.Z}; {@code X.Y} and {@code X} are padded ({@code X.Y.0});
 *   <li>a qualifier becomes a lowercase semver prerelease: {@code 0.1.0-SNAPSHOT} is {@code
 *       0.1.0-snapshot}, {@code 1.0.0-RC1} is {@code 1.0.0-rc1}. A snapshot thus sorts before its
 *       release, as it should: it is not that release.
 * </ul>
 *
 * An explicit {@code bundle.version} wins over the Maven version, but must already be semver.
 */
public final class BundleVersion {
  private static final Pattern MAVEN =
      Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-.]([0-9A-Za-z.-]+))?");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-z-][0-9a-z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-z-][0-9a-z-]*))*))?");

  private BundleVersion() {}

  /** The bundle version for {@code override} if set, else derived from {@code mavenVersion}. */
  public static String of(String mavenVersion, String override) {
    if (override != null && !override.isBlank()) {
      String v = override.trim();
      if (!SEMVER.matcher(v).matches()) {
        throw new IllegalArgumentException(
            "bundle.version="
                + v
                + " is not a semantic version with a lowercase "
                + "prerelease (for example 1.2.3 or 1.2.3-rc.1); build metadata (+...) is not allowed in CSV names");
      }
      return v;
    }
    return fromMaven(mavenVersion);
  }

  /**
   * {@code 0.1.0-SNAPSHOT -> 0.1.0-snapshot}, {@code 1.2 -> 1.2.0}; rejects what semver cannot
   * express.
   */
  public static String fromMaven(String mavenVersion) {
    Matcher m = MAVEN.matcher(mavenVersion == null ? "" : mavenVersion.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Maven version '"
              + mavenVersion
              + "' cannot be turned into a semantic "
              + "version; set bundle.version explicitly");
    }
    String core = number(m.group(1)) + "." + number(m.group(2)) + "." + number(m.group(3));
    String qualifier = m.group(4);
    String version = qualifier == null ? core : core + "-" + qualifier.toLowerCase(Locale.ROOT);
    if (!SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "Maven version '"
              + mavenVersion
              + "' maps to '"
              + version
              + "', which is not a valid semantic version; set bundle.version explicitly");
    }
    return version;
  }

  private static String number(String group) {
    return group == null ? "0" : Long.toString(Long.parseLong(group));
  }
}
