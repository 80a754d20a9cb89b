package my.domain.tutorial.kubectl.kube;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.domain.tutorial.kubectl.errors.PluginException;

/**
 * Parses {@code --request-timeout} as kubectl does: {@code 0} (no override), a bare number of
 * seconds, or 1h2m3s-style.
 */
public final class RequestTimeout {
  private static final Pattern BARE = Pattern.compile("\\d+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private RequestTimeout() {}

  /** Empty for {@code 0}: keep the client's default. */
  public static Optional<Duration> parse(String value) {
    String v = value == null ? "0" : value.trim();
    if (BARE.matcher(v).matches()) {
      long seconds = Long.parseLong(v);
      return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      end = m.end();
    }
    if (end == 0 || end != v.length()) {
      throw PluginException.usage(
          "invalid --request-timeout '"
              + value
              + "': use a duration such as 30s, 1m or 1m30s,"
              + " or 0 for the default");
    }
    return total.isZero() ? Optional.empty() : Optional.of(total);
  }
}
