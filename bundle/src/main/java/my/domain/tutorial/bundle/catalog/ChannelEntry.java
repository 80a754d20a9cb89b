package my.domain.tutorial.bundle.catalog;

import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bundle's place in a channel's upgrade graph, taken from its CSV: the CSV it replaces, the
 * ones it skips and the {@code olm.skipRange} of versions it upgrades from directly.
 */
public record ChannelEntry(
    String name, Optional<String> replaces, List<String> skips, Optional<String> skipRange) {
  static final String SKIP_RANGE_ANNOTATION = "olm.skipRange";

  public static ChannelEntry of(ClusterServiceVersion csv) {
    Map<String, String> annotations = csv.getMetadata().getAnnotations();
    return new ChannelEntry(
        csv.getMetadata().getName(),
        Optional.ofNullable(csv.getSpec().getReplaces()).filter(s -> !s.isBlank()),
        csv.getSpec().getSkips() == null ? List.of() : List.copyOf(csv.getSpec().getSkips()),
        Optional.ofNullable(annotations == null ? null : annotations.get(SKIP_RANGE_ANNOTATION))
            .filter(s -> !s.isBlank()));
  }

  /** The entry as the {@code olm.channel} schema spells it. */
  Map<String, Object> asCatalogEntry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    replaces.ifPresent(r -> entry.put("replaces", r));
    if (!skips.isEmpty()) {
      entry.put("skips", skips);
    }
    skipRange.ifPresent(r -> entry.put("skipRange", r));
    return entry;
  }
}
