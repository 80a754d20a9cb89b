package my.domain.tutorial.operator.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the configured log format and level to Logback, once, before the operator starts. */
public final class LogSetup {
  private LogSetup() {}

  public static void apply(LogFormat format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend was chosen by whoever embeds us: leave it alone
    }
    var config = LogSetup.class.getClassLoader().getResource(format.configResource());
    if (config == null) {
      throw new IllegalStateException(
          format.configResource() + " is missing from the operator jar");
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException(
          "cannot apply " + format.configResource() + ": " + e.getMessage(), e);
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
  }
}
