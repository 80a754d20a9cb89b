package my.domain.tutorial.operator.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured log format and level to Logback, once, before the operator starts. Built
 * in code rather than from an XML file: Logback's XML configurator loads a SAX parser and several
 * hundred classes, a measurable part of the operator's start-up and metaspace.
 */
public final class LogSetup {
  static final String APPENDER = "STDOUT";

  private LogSetup() {}

  public static void apply(LogFormat format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend was chosen by whoever embeds us: leave it alone
    }
    configure(context, format, Level.toLevel(level, Level.INFO));
  }

  static void configure(LoggerContext context, LogFormat format, Level level) {
    context.reset();
    Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? json(context) : text(context);
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setName(APPENDER);
    stdout.setEncoder(encoder);
    stdout.start();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(stdout);
    root.setLevel(level);
    // The SDK and client are chatty at INFO about internals; their warnings still show, and so
    // does the SDK's own start and stop.
    context.getLogger("io.javaoperatorsdk").setLevel(Level.WARN);
    context.getLogger("io.javaoperatorsdk.operator.Operator").setLevel(Level.INFO);
    context.getLogger("io.fabric8").setLevel(Level.WARN);
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %-24.24logger{0} %msg%n");
    encoder.start();
    return encoder;
  }

  /** One JSON object per line, with MDC (the SDK puts resource.namespace/resource.name there). */
  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithMessage(false);
    encoder.start();
    return encoder;
  }
}
