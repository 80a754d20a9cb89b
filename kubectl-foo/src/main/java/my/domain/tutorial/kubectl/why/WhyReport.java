package my.domain.tutorial.kubectl.why;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import my.domain.tutorial.kubectl.errors.ExitCodes;

/**
 * The answer of {@code why}, and its {@code -o json} document.
 *
 * @param happy the verdict; null when it could not be reached (the Foo or its friend could not be
 *     read)
 * @param reason the verdict's reason (FriendFound, FriendNotFound, FriendTerminating,
 *     NoFriendNamed); null with no verdict
 * @param verdictFrom {@code cluster} when judged from the live Pod as the operator judges it,
 *     {@code status} when the Pod could not be read and the Foo's status was taken instead; null
 *     with no verdict
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespace", "name", "exists", "happy", "reason", "verdictFrom", "findings"})
public record WhyReport(
    String namespace,
    String name,
    boolean exists,
    Boolean happy,
    String reason,
    String verdictFrom,
    List<Finding> findings) {
  public static final String FROM_CLUSTER = "cluster";
  public static final String FROM_STATUS = "status";

  public WhyReport {
    findings = List.copyOf(findings);
  }

  /** The exit code of {@code why}, as {@link ExitCodes#WHY_SUMMARY} tells the user. */
  public int exitCode() {
    if (findings.stream().anyMatch(f -> f.code() == FindingCode.FooApiNotInstalled)) {
      return ExitCodes.CLUSTER_UNUSABLE;
    }
    if (!exists && findings.stream().anyMatch(f -> f.code() == FindingCode.FooNotFound)) {
      return ExitCodes.FOO_NOT_FOUND;
    }
    if (happy == null) {
      return ExitCodes.CLUSTER_UNUSABLE;
    }
    return happy ? ExitCodes.OK : ExitCodes.UNHAPPY_OR_REFUSED;
  }

  public boolean has(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
