package my.domain.tutorial.kubectl.names;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which names are close to a name the user typed: a small edit distance (optimal string alignment:
 * insertions, deletions, substitutions and swaps of neighbours), scaled with the name's length.
 */
public final class CloseNames {
  public static final int MAX_SUGGESTIONS = 5;

  private CloseNames() {}

  /**
   * The candidates within reach of {@code target}, closest first, then by name; never {@code
   * target} itself.
   */
  public static List<String> closeTo(String target, Collection<String> candidates) {
    int limit = limitFor(target);
    record Scored(String name, int distance) {}
    return candidates.stream()
        .distinct()
        .filter(c -> !c.equals(target))
        .map(c -> new Scored(c, distance(target, c)))
        .filter(s -> s.distance() <= limit)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(MAX_SUGGESTIONS)
        .map(Scored::name)
        .toList();
  }

  /** One edit for names of up to 4 characters, two up to 8, three beyond. */
  static int limitFor(String target) {
    int n = target.length();
    return n <= 4 ? 1 : n <= 8 ? 2 : 3;
  }

  /** Optimal string alignment distance. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
