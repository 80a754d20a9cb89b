package my.domain.tutorial.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * What the in-process operator's informer caches hold, read from the operator's own TRACE log of
 * its cache stores ({@code my.domain.tutorial.operator.reconciler.SlimItemStore} for Foos, {@code
 * ...FriendPodStore} for Pods: each object as it is stored, each key as it is dropped), as a user
 * would read it with those loggers at TRACE, and the indexes each informer keeps, from the line the
 * operator logs once it has dropped fabric8's namespace index. Kept out of the test's console while
 * it listens; close it to put the loggers back.
 */
final class CacheLog implements AutoCloseable {
  private static final String STORE = "my.domain.tutorial.operator.reconciler.SlimItemStore";
  private static final String POD_STORE = "my.domain.tutorial.operator.reconciler.FriendPodStore";
  private static final Pattern STORED =
      Pattern.compile("(\\S+): cached (\\S+) as (.*)", Pattern.DOTALL);
  private static final Pattern DROPPED = Pattern.compile("(\\S+): dropped (\\S+) from the cache.*");
  private static final String SOURCE = "my.domain.tutorial.operator.reconciler.NamespaceIndex";
  private static final Pattern INDEXES =
      Pattern.compile(
          "(\\S+) \\(.*\\): dropped fabric8's namespace index; indexes left: \\[(.*)\\]");

  private record Entry(String key, String kind, String json) {}

  private final Logger logger = (Logger) LoggerFactory.getLogger(STORE);
  private final Level level = logger.getLevel();
  private final boolean additive = logger.isAdditive();
  private final Logger podLogger = (Logger) LoggerFactory.getLogger(POD_STORE);
  private final Level podLevel = podLogger.getLevel();
  private final boolean podAdditive = podLogger.isAdditive();
  private final Logger source = (Logger) LoggerFactory.getLogger(SOURCE);
  private final boolean sourceAdditive = source.isAdditive();
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final Map<String, String> indexes = new ConcurrentHashMap<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          String message = event.getFormattedMessage();
          Matcher stored = STORED.matcher(message);
          Matcher removed = DROPPED.matcher(message);
          Matcher left = INDEXES.matcher(message);
          if (left.matches()) {
            indexes.put(left.group(1), left.group(2));
          } else if (stored.matches()) {
            entries.add(new Entry(stored.group(1), stored.group(2), stored.group(3)));
          } else if (removed.matches()) {
            entries.add(new Entry(removed.group(1), removed.group(2), null));
          }
        }
      };

  /** Starts listening; start it before the operator, so it sees every object stored. */
  CacheLog() {
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.TRACE);
    podLogger.addAppender(appender);
    podLogger.setAdditive(false);
    podLogger.setLevel(Level.TRACE);
    source.addAppender(appender);
    source.setAdditive(false);
  }

  /**
   * The indexes the informer of an event source ({@code friend-pods}, {@code foo}) still keeps (a
   * comma-separated list, empty for none), once the operator has dropped its namespace index.
   */
  Optional<String> indexesLeft(String source) {
    return Optional.ofNullable(indexes.get(source));
  }

  /** The object as the cache of {@code type} holds it now, if it holds it. */
  <T extends HasMetadata> Optional<T> cached(Class<T> type, String namespace, String name) {
    String kind = HasMetadata.getKind(type);
    String key = namespace + "/" + name;
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry entry = entries.get(i);
      if (entry.key().equals(key) && entry.kind().equals(kind)) {
        return Optional.ofNullable(entry.json()).map(json -> Serialization.unmarshal(json, type));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
    logger.setLevel(level);
    logger.setAdditive(additive);
    podLogger.detachAppender(appender);
    podLogger.setLevel(podLevel);
    podLogger.setAdditive(podAdditive);
    source.detachAppender(appender);
    source.setAdditive(sourceAdditive);
  }
}
