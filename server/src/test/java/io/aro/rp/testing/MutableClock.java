package io.aro.rp.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, to reach lease expiries and time-to-live without waiting: frozen, or
 * ticking with real time from wherever it was moved to.
 */
public final class MutableClock extends Clock {
    private final boolean ticking;
    private volatile Instant now;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(Instant start) {
        this(start, false);
    }

    private MutableClock(Instant start, boolean ticking) {
        this.now = start;
        this.ticking = ticking;
    }

    /** A clock that stands still at the current instant until moved. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    /** A clock that runs with real time, plus however far it has been moved. */
    public static MutableClock ticking() {
        return new MutableClock(Instant.now(), true);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return ticking ? Instant.now().plus(offset) : now;
    }
}
