package io.aro.rp;

import ch.qos.logback.classic.LoggerContext;
import io.aro.rp.config.RpConfiguration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The RP's executable: {@code java -jar aro-rp-server.jar [frontend|backend|all] [--cloud simulated|azure]}
 * (default all; {@code --cloud} stands for ARO_CLOUD), configured by environment variables (see {@link RpConfiguration}). Stops gracefully on SIGTERM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        ResourceProvider.Role role = ResourceProvider.Role.ALL;
        Map<String, String> env = new HashMap<>(System.getenv());
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--cloud") && i + 1 < args.length) {
                    env.put("ARO_CLOUD", args[++i]);
                } else {
                    role = ResourceProvider.Role.valueOf(args[i].toUpperCase(Locale.ROOT));
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: aro-rp-server [frontend|backend|all] [--cloud simulated|azure]");
            System.exit(2);
            return;
        }
        ResourceProvider rp;
        try {
            rp = ResourceProvider.start(role, RpConfiguration.fromEnvironment(env));
        } catch (IllegalArgumentException | IllegalStateException | java.time.format.DateTimeParseException e) {
            // a configuration the RP cannot run with: say why in one line, no stack trace
            System.err.println("aro-rp-server: " + e.getMessage());
            flushLogs();
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rp.close();
            flushLogs();
            stopped.countDown();
        }, "shutdown"));
        // A failed store cannot heal in this process: exit (the shutdown hook stops the rest) so that a
        // supervisor starts a new one, which replays the store's log. From a thread of its own: the thread that
        // found the failure may be one that the shutdown waits for.
        rp.failure().whenComplete((ignored, failure) -> new Thread(() -> System.exit(1), "exit-on-failure").start());
        stopped.await();
    }

    /** Writes out the log lines still queued (LogConfiguration's appenders are asynchronous). */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }
}
