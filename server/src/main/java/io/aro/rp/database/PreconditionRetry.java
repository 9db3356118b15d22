package io.aro.rp.database;

import java.time.Duration;

/**
 * How a read-modify-write retries when another writer changed the document in between (412): up to
 * {@code maxAttempts} attempts, waiting an exponentially growing, jittered time between them.
 */
public record PreconditionRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** Enough for the few writers one cluster document sees (frontend, backend, lease heartbeat); a few seconds at worst. */
    public static final PreconditionRetry DEFAULT = new PreconditionRetry(25, Duration.ofMillis(5), Duration.ofMillis(250));

    public PreconditionRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
