package io.aro.rp.cli;

import io.aro.rp.sdk.LongRunningOperation;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --wait/--no-wait and --timeout, and waiting for a long-running operation with a progress indicator on standard error. */
final class Waiting {
    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait until the operation ends (the default); --no-wait returns once the service accepted it.")
    boolean wait;

    @Option(names = "--timeout", defaultValue = "PT1H", description = "How long to wait for the operation, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The operation's result, or null when not waiting. */
    <T> T await(LongRunningOperation<T> operation, PrintWriter err) {
        if (!wait) {
            return null;
        }
        err.print(" - Running ");
        err.flush();
        try {
            return operation.waitForCompletion(timeout, status -> {
                err.print('.');
                err.flush();
            });
        } finally {
            err.println();
            err.flush();
        }
    }
}
