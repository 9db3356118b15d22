package io.aro.rp.database;

import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A Failsafe policy that retries on 412 (and on {@code more}, other races a caller starts again from
     * its read), with these attempts and a jittered exponential backoff.
     */
    @SafeVarargs
    public final RetryPolicy<Object> policy(Class<? extends Throwable>... more) {
        List<Class<? extends Throwable>> failures = new ArrayList<>(List.of(more));
        failures.add(PreconditionFailedException.class);
        return RetryPolicy.builder().handle(failures).withMaxAttempts(maxAttempts).withBackoff(initialBackoff, maxBackoff).withJitter(0.5).build();
    }
}
