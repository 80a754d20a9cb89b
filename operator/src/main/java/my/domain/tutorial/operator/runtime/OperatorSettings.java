package my.domain.tutorial.operator.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import my.domain.tutorial.api.OperatorDefaults;

/**
 * Every setting of the operator, parsed once from the environment and validated as a whole, so a
 * misconfigured Deployment fails at start with a list of what to fix instead of misbehaving later.
 *
 * @param watchedNamespaces namespaces whose Foos and Pods are watched; empty means all namespaces
 * @param operatorNamespace where the leader Lease lives; empty means the client's namespace
 * @param resyncPeriod how long a Foo may go without a reconcile before it is checked anyway; zero
 *     turns the periodic check off
 * @param metricsSecure {@code /metrics} over HTTPS for authenticated, authorized clients only (as
 *     kubebuilder's {@code --metrics-secure}); false serves it over plain HTTP to anyone
 * @param metricsCertDir where {@code tls.crt} and {@code tls.key} of the metrics serving
 *     certificate are; empty means a self-signed one made at start
 * @param reconcileThreads how many Foos are reconciled at once; each waits on one API write at a
 *     time, so a few threads keep the API server busy and every thread more costs its stack
 */
public record OperatorSettings(
    Set<String> watchedNamespaces,
    Optional<String> operatorNamespace,
    boolean leaderElection,
    String leaseName,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    String identity,
    Duration resyncPeriod,
    int healthPort,
    int metricsPort,
    boolean metricsSecure,
    Optional<Path> metricsCertDir,
    LogFormat logFormat,
    String logLevel,
    int reconcileThreads) {

  public static final String WATCH_NAMESPACES = "FOO_WATCH_NAMESPACES";
  public static final String OPERATOR_NAMESPACE = "FOO_OPERATOR_NAMESPACE";
  public static final String LEADER_ELECTION = "FOO_LEADER_ELECTION";
  public static final String LEASE_NAME = "FOO_LEASE_NAME";
  public static final String LEASE_DURATION = "FOO_LEASE_DURATION";
  public static final String RENEW_DEADLINE = "FOO_RENEW_DEADLINE";
  public static final String RETRY_PERIOD = "FOO_RETRY_PERIOD";
  public static final String IDENTITY = "FOO_IDENTITY";
  public static final String POD_NAME = "POD_NAME";
  public static final String RESYNC_PERIOD = "FOO_RESYNC_PERIOD";
  public static final String HEALTH_PORT = "FOO_HEALTH_PORT";
  public static final String METRICS_PORT = "FOO_METRICS_PORT";
  public static final String METRICS_SECURE = "FOO_METRICS_SECURE";
  public static final String METRICS_CERT_DIR = "FOO_METRICS_CERT_DIR";
  public static final String LOG_FORMAT = "FOO_LOG_FORMAT";
  public static final String LOG_LEVEL = "FOO_LOG_LEVEL";
  public static final String RECONCILE_THREADS = "FOO_RECONCILE_THREADS";

  /**
   * The SDK's own default is 50; 10 fell behind a 2-core cluster creating 277 Pods a second, 20
   * keeps up (docs/footprint.md).
   */
  public static final int DEFAULT_RECONCILE_THREADS = 20;

  private static final int MAX_RECONCILE_THREADS = 200;

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  /** Parses the environment; throws {@link InvalidSettingsException} naming every bad variable. */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Parser p = new Parser(env, problems);

    Set<String> namespaces = p.namespaces(WATCH_NAMESPACES);
    Optional<String> operatorNamespace = p.optional(OPERATOR_NAMESPACE);
    operatorNamespace
        .filter(ns -> !DNS1123_LABEL.matcher(ns).matches())
        .ifPresent(
            ns ->
                problems.add(
                    OPERATOR_NAMESPACE
                        + "="
                        + ns
                        + " is not a valid namespace name (lowercase letters, digits and '-')"));
    boolean leaderElection = p.bool(LEADER_ELECTION, false);
    String leaseName = p.optional(LEASE_NAME).orElse(OperatorDefaults.LEASE_NAME);
    if (!DNS1123_LABEL.matcher(leaseName).matches()) {
      problems.add(
          LEASE_NAME
              + "="
              + leaseName
              + " is not a valid Lease name (lowercase letters, digits and '-')");
    }
    Duration lease = p.duration(LEASE_DURATION, OperatorDefaults.LEASE_DURATION);
    Duration renew = p.duration(RENEW_DEADLINE, OperatorDefaults.RENEW_DEADLINE);
    Duration retry = p.duration(RETRY_PERIOD, OperatorDefaults.RETRY_PERIOD);
    if (leaderElection && !(retry.compareTo(renew) < 0 && renew.compareTo(lease) < 0)) {
      problems.add(
          "leader election needs "
              + RETRY_PERIOD
              + " < "
              + RENEW_DEADLINE
              + " < "
              + LEASE_DURATION
              + ", got "
              + retry
              + ", "
              + renew
              + ", "
              + lease);
    }
    String identity =
        p.optional(IDENTITY)
            .or(() -> p.optional(POD_NAME))
            .orElseGet(() -> "foo-operator-" + UUID.randomUUID());
    Duration resync =
        p.optional(RESYNC_PERIOD)
            .filter("0"::equals)
            .map(zero -> Duration.ZERO)
            .orElseGet(() -> p.duration(RESYNC_PERIOD, Duration.ofMinutes(10)));
    int healthPort = p.port(HEALTH_PORT, OperatorDefaults.HEALTH_PORT);
    int metricsPort = p.port(METRICS_PORT, OperatorDefaults.METRICS_PORT);
    if (healthPort != 0 && healthPort == metricsPort) {
      problems.add(HEALTH_PORT + " and " + METRICS_PORT + " must differ, both are " + healthPort);
    }
    boolean metricsSecure = p.bool(METRICS_SECURE, true);
    Optional<Path> certDir = p.optional(METRICS_CERT_DIR).map(Path::of);
    certDir.ifPresent(
        dir -> {
          for (String file : new String[] {"tls.crt", "tls.key"}) {
            if (!Files.isReadable(dir.resolve(file))) {
              problems.add(
                  METRICS_CERT_DIR
                      + "="
                      + dir
                      + " holds no readable "
                      + file
                      + "; mount a kubernetes.io/tls Secret there, or leave it empty for a"
                      + " self-signed certificate");
            }
          }
        });
    LogFormat format = p.logFormat(LOG_FORMAT);
    String level = p.optional(LOG_LEVEL).map(s -> s.toUpperCase(Locale.ROOT)).orElse("INFO");
    if (!LEVELS.contains(level)) {
      problems.add(
          LOG_LEVEL + "=" + env.get(LOG_LEVEL) + " is not one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    int reconcileThreads =
        p.count(RECONCILE_THREADS, DEFAULT_RECONCILE_THREADS, MAX_RECONCILE_THREADS);

    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new OperatorSettings(
        namespaces,
        operatorNamespace,
        leaderElection,
        leaseName,
        lease,
        renew,
        retry,
        identity,
        resync,
        healthPort,
        metricsPort,
        metricsSecure,
        certDir,
        format,
        level,
        reconcileThreads);
  }

  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }

  /**
   * Whether the caches keep slimmed objects. The SDK gives one item store to every informer of a
   * kind, and it runs one informer per watched namespace; each informer's listing then drops the
   * other namespaces' objects from that shared store as deleted (still so in JOSDK 5.3.2). So the
   * slim stores (which must be given as an instance) are used only where there is one informer: all
   * namespaces, or one.
   */
  public boolean slimCaches() {
    return watchedNamespaces.size() <= 1;
  }

  private record Parser(Map<String, String> env, List<String> problems) {
    Optional<String> optional(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    Set<String> namespaces(String name) {
      Set<String> result = new LinkedHashSet<>();
      optional(name)
          .ifPresent(
              value ->
                  Arrays.stream(value.split(","))
                      .map(String::trim)
                      .filter(s -> !s.isEmpty())
                      .forEach(
                          ns -> {
                            if (DNS1123_LABEL.matcher(ns).matches() && ns.length() <= 63) {
                              result.add(ns);
                            } else {
                              problems.add(
                                  name
                                      + ": '"
                                      + ns
                                      + "' is not a valid namespace name; use a comma-separated list"
                                      + " of namespaces, or leave it empty to watch all namespaces");
                            }
                          }));
      return Set.copyOf(result);
    }

    boolean bool(String name, boolean fallback) {
      return optional(name)
          .map(
              v ->
                  switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> {
                      problems.add(name + "=" + v + " is not a boolean; use true or false");
                      yield fallback;
                    }
                  })
          .orElse(fallback);
    }

    int port(String name, int fallback) {
      return optional(name)
          .map(
              v -> {
                try {
                  int port = Integer.parseInt(v);
                  if (port >= 0 && port <= 65535) {
                    return port;
                  }
                } catch (NumberFormatException ignored) {
                  // reported below
                }
                problems.add(
                    name
                        + "="
                        + v
                        + " is not a port; use a number from 1 to 65535 (0 picks a free one)");
                return fallback;
              })
          .orElse(fallback);
    }

    int count(String name, int fallback, int max) {
      return optional(name)
          .map(
              v -> {
                try {
                  int n = Integer.parseInt(v);
                  if (n >= 1 && n <= max) {
                    return n;
                  }
                } catch (NumberFormatException ignored) {
                  // reported below
                }
                problems.add(name + "=" + v + " is not a count; use a number from 1 to " + max);
                return fallback;
              })
          .orElse(fallback);
    }

    Duration duration(String name, Duration fallback) {
      return optional(name)
          .map(
              v -> {
                var m = DURATION.matcher(v);
                if (m.matches() && Long.parseLong(m.group(1)) > 0) {
                  long n = Long.parseLong(m.group(1));
                  return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                  };
                }
                problems.add(
                    name + "=" + v + " is not a duration; use for example 15s, 500ms or 1m");
                return fallback;
              })
          .orElse(fallback);
    }

    LogFormat logFormat(String name) {
      return optional(name)
          .map(
              v -> {
                try {
                  return LogFormat.valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                  problems.add(name + "=" + v + " is not a log format; use text or json");
                  return LogFormat.TEXT;
                }
              })
          .orElse(LogFormat.TEXT);
    }
  }
}
