package my.domain.tutorial.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
  void jsonLine_carriesTheFormattedMessageAndTheResourceFromTheMdc() {
    LogSetup.apply(LogFormat.JSON, "INFO");
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    var encoder = ((ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
    var event =
        new LoggingEvent(
            "x",
            context.getLogger("FooReconciler"),
            Level.INFO,
            "Foo {} reconciled",
            null,
            new Object[] {"foo-1"});
    event.setMDCPropertyMap(Map.of("resource.namespace", "ns", "resource.name", "foo-1"));

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line)
        .endsWith("\n")
        .contains("\"formattedMessage\":\"Foo foo-1 reconciled\"")
        .contains("\"resource.namespace\":\"ns\"")
        .contains("\"resource.name\":\"foo-1\"")
        .contains("\"level\":\"INFO\"");
    assertThat(line.strip()).doesNotContain("\n");
  }

  @Test
  void theSdkAndClientSpeakOnlyWhenSomethingIsWrong() {
    LogSetup.apply(LogFormat.TEXT, "DEBUG");

    assertThat(context.getLogger("io.fabric8.kubernetes.client.informers").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.javaoperatorsdk.operator.processing").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.javaoperatorsdk.operator.Operator").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("my.domain.tutorial.operator.FooOperator").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
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
