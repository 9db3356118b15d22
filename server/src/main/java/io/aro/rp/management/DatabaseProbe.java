package io.aro.rp.management;

import io.aro.rp.database.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the database answers: a point read of a document that does not exist, at most once per
 * {@code interval}, so that probes every few seconds from many pods cost the database next to nothing.
 */
public final class DatabaseProbe {
    private static final String PROBE_ID = "00000000-0000-0000-0000-000000000000";

    private final Database database;
    private final Clock clock;
    private final Duration interval;
    private Instant checked = Instant.MIN;
    private boolean reachable;

    public DatabaseProbe(Database database, Clock clock, Duration interval) {
        this.database = database;
        this.clock = clock;
        this.interval = interval;
    }

    public synchronized boolean reachable() {
        Instant now = clock.instant();
        if (now.isBefore(checked.plus(interval))) {
            return reachable;
        }
        try {
            database.subscriptions().get(PROBE_ID);
            reachable = true;
        } catch (RuntimeException e) {
            reachable = false;
        }
        checked = now;
        return reachable;
    }
}
