package io.aro.rp.cli;

import io.aro.rp.sdk.LongRunningOperation;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --no-wait and --timeout, and waiting for a long-running operation with a progress indicator on standard error. */
final class Waiting {
    @Option(names = "--no-wait", description = "Return once the service accepted the operation.")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "PT1H", description = "How long to wait for the operation, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The operation's result, or null when not waiting. */
    <T> T await(LongRunningOperation<T> operation, PrintWriter err) {
        if (noWait) {
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
