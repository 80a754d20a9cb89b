package my.domain.tutorial.testsupport;

import java.nio.file.Path;
import java.util.Optional;
import my.domain.tutorial.controlplane.olm.OlmBinaries;
import my.domain.tutorial.controlplane.olm.OlmUnavailableException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OLM tier's programs for tests, provisioned (or found cached) by {@code hack/olm} once per
 * run. As an extension ({@code @ExtendWith(OlmTier.class)}, or through {@link OlmExtension}) it
 * skips a test class where OLM's sources cannot be had, with hack/olm's reason, so JUnit reports
 * its tests skipped, never passed; a broken provisioning is not caught here and fails the class.
 */
public final class OlmTier implements ExecutionCondition {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(OlmTier.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return provisioned(context)
        .unavailable()
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("OLM's programs are provisioned"));
  }

  /** Everything the OLM install and upgrade tests run (only called where the tier is enabled). */
  public static OlmBinaries binaries(ExtensionContext context) {
    return provisioned(context).binaries();
  }

  /** opm, for the catalog tests. */
  public static Path opm(ExtensionContext context) {
    return binaries(context).opm();
  }

  private static Provisioned provisioned(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("provisioned", key -> Provisioned.run(), Provisioned.class);
  }

  /** hack/olm's outcome: the programs, or why they cannot be had. */
  private record Provisioned(OlmBinaries found, String whyUnavailable) {
    static Provisioned run() {
      try {
        return new Provisioned(OlmBinaries.locate(), null);
      } catch (OlmUnavailableException e) {
        return new Provisioned(null, e.getMessage());
      }
    }

    Optional<String> unavailable() {
      return Optional.ofNullable(whyUnavailable);
    }

    OlmBinaries binaries() {
      if (found == null) {
        throw new IllegalStateException(whyUnavailable);
      }
      return found;
    }
  }
}
