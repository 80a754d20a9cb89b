package my.domain.tutorial.operator.reconciler;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * Texts the API server writes in a fixed form, held as numbers by the cached objects when they are
 * in that form (and so give back exactly the same text): a uid, a resourceVersion, a timestamp.
 * Each returns null or -1 for any other text, which the caller then keeps as it is.
 */
final class Packing {
  private Packing() {}

  /** {@code text} as a UUID when it is one written as {@link UUID#toString()} writes it. */
  static UUID uuid(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equals(text) ? uuid : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code text} as a number when it is a decimal that {@link Long#toString(long)} writes the same
   * way (no sign, no leading zero); -1 otherwise.
   */
  static long decimal(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return -1;
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * {@code text} as seconds since the epoch when it is a timestamp as the API server writes it (RFC
   * 3339 in UTC, whole seconds: {@code 2026-01-01T00:00:00Z}); {@link Long#MIN_VALUE} otherwise.
   */
  static long seconds(String text) {
    if (text == null || text.length() != 20 || text.charAt(19) != 'Z') {
      return Long.MIN_VALUE;
    }
    try {
      Instant instant = Instant.parse(text);
      return instant.toString().equals(text) ? instant.getEpochSecond() : Long.MIN_VALUE;
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /** The text {@link #seconds} read. */
  static String timestamp(long seconds) {
    return Instant.ofEpochSecond(seconds).toString();
  }
}
