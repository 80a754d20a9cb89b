package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void backToText() {
    LogSetup.apply(LogFormat.TEXT, "INFO");
  }

  @Test
  void jsonFormat_writesWithLogbacksJsonEncoder_atTheChosenLevel() {
    LogSetup.apply(LogFormat.JSON, "DEBUG");

    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(((ConsoleAppender<?>) root.getAppender("STDOUT")).getEncoder())
        .isInstanceOf(JsonEncoder.class);
  }

  @Test
  void textFormat_writesReadableLines() {
    LogSetup.apply(LogFormat.TEXT, "WARN");

    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(((ConsoleAppender<?>) root.getAppender("STDOUT")).getEncoder())
        .isInstanceOf(PatternLayoutEncoder.class);
  }
}
