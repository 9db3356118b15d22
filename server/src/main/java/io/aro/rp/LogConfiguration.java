package io.aro.rp;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Objects;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The RP's logging, set up in code (found by logback through {@code META-INF/services}): parsing an XML
 * configuration cost a third of the time to ready. A {@code logback-test.xml} on the class path or a
 * {@code -Dlogback.configurationFile} takes precedence, so tests and operators can still log differently.
 *
 * <ul>
 * <li>One JSON object per line on standard output: message, level, logger, the structured key-values of the
 * call, and the MDC (requestId, correlationRequestId, clientRequestId of the request being served).
 * <li>The audit stream: one JSON object per admin call (who, what, which cluster, the result), apart from the
 * operational logs, in the file ARO_AUDIT_LOG names (default data/audit.log; /dev/stderr makes it the
 * process's error stream).
 * <li>Requests hand their lines to a queue each and go on; one thread per queue writes them out. No line is
 * dropped: a request waits only when the output falls {@value #QUEUE_SIZE} lines behind.
 * <li>The RP logs at ARO_LOG_LEVEL (default INFO), libraries at WARN; Jersey's warning that resource instances
 * "do not implement any provider interfaces" (true, and harmless) is left out.
 * </ul>
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final int QUEUE_SIZE = 8192;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureJson(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} as the RP logs, whatever else the class path holds. */
    static void configureJson(LoggerContext context) {
        // Passes java.util.logging levels on from logback, so that bridged JUL calls below the level cost nothing.
        LevelChangePropagator levels = new LevelChangePropagator();
        levels.setContext(context);
        levels.setResetJUL(true);
        context.addListener(levels);
        levels.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        FileAppender<ILoggingEvent> audit = new FileAppender<>();
        audit.setFile(Objects.requireNonNullElse(setting("ARO_AUDIT_LOG"), "data/audit.log"));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(queued(context, "json", console));
        Logger auditLogger = context.getLogger("io.aro.rp.audit");
        auditLogger.setLevel(Level.INFO);
        auditLogger.setAdditive(false);
        auditLogger.addAppender(queued(context, "audit", audit));
        context.getLogger("io.aro.rp").setLevel(Level.toLevel(setting("ARO_LOG_LEVEL"), Level.INFO));
        context.getLogger("com.azure.cosmos").setLevel(Level.WARN);
        context.getLogger("org.glassfish").setLevel(Level.WARN);
        context.getLogger("org.glassfish.jersey.internal").setLevel(Level.ERROR);
    }

    /** {@code output} writing JSON lines, behind a queue that never drops a line. */
    private static Appender<ILoggingEvent> queued(LoggerContext context, String name, OutputStreamAppender<ILoggingEvent> output) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeCallerData(false);
        encoder.start();
        output.setContext(context);
        output.setName(name);
        output.setEncoder(encoder);
        output.start();

        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName("async" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        queue.setQueueSize(QUEUE_SIZE);
        queue.setDiscardingThreshold(0);
        queue.setNeverBlock(false);
        queue.addAppender(output);
        queue.start();
        return queue;
    }

    /** A setting as logback's XML reads a variable: a system property, else an environment variable. */
    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }
}
