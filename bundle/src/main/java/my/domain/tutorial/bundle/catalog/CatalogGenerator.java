package my.domain.tutorial.bundle.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make catalog}: writes and validates the file-based catalog of the given bundles.
 * Arguments: {@code --opm=PATH --out=DIR [--bundles=DIR,DIR...] --bundle=DIR...} (bundles oldest
 * first; {@code --bundles} takes a comma-separated list, empty allowed).
 */
public final class CatalogGenerator {
  private CatalogGenerator() {}

  public static void main(String[] args) {
    Path opm = null;
    Path out = null;
    List<CatalogBundle> bundles = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--opm=")) {
        opm = Path.of(arg.substring(6));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring(6));
      } else if (arg.startsWith("--bundles=")) {
        for (String dir : arg.substring(10).split(",")) {
          if (!dir.isBlank()) {
            bundles.add(CatalogBundle.read(Path.of(dir.trim())));
          }
        }
      } else if (arg.startsWith("--bundle=")) {
        bundles.add(CatalogBundle.read(Path.of(arg.substring(9))));
      } else {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; expected --opm=PATH --out=DIR --bundle=DIR...");
      }
    }
    if (opm == null || out == null || bundles.isEmpty()) {
      throw new IllegalArgumentException("usage: --opm=PATH --out=DIR --bundle=DIR...");
    }
    Path dir = FileBasedCatalog.write(new Opm(opm), out, bundles);
    System.out.println(
        "[catalog] wrote and validated "
            + bundles.stream().map(b -> b.csv().getMetadata().getName()).toList()
            + " to "
            + dir);
  }
}
