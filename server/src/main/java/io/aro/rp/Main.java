package io.aro.rp;

import io.aro.rp.config.RpConfiguration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The RP's executable: {@code java -jar aro-rp-server.jar [frontend|backend|all]} (default all), configured
 * by environment variables (see {@link RpConfiguration}). Stops gracefully on SIGTERM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        ResourceProvider.Role role;
        try {
            role = ResourceProvider.Role.valueOf((args.length == 0 ? "all" : args[0]).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("usage: aro-rp-server [frontend|backend|all]");
            System.exit(2);
            return;
        }
        ResourceProvider rp = ResourceProvider.start(role, RpConfiguration.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rp.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
