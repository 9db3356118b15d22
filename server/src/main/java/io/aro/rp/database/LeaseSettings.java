package io.aro.rp.database;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How this process takes leases.
 *
 * <p>Lease expiry is computed by the client from {@code clock} (the test server has no triggers, and
 * Cosmos DB's server-side time is not needed): a process writes {@code leaseExpires = now + ttl} and
 * another may take the document once its own clock passes that time. This assumes the RP's clocks agree
 * to within a small fraction of the TTL (NTP-synchronised hosts differ by milliseconds; the default TTL
 * is 60 s, renewed every 10 s). A clock that runs ahead by more than the TTL minus the renewal interval
 * would let a second worker take a cluster that is still being worked on; its first write then fails
 * with "lost lease" for one of the two, so the damage is bounded to one step run twice, which every
 * step tolerates.
 *
 * @param owner this process's lease owner id, unique per process
 * @param ttl how long a lease lasts unless renewed
 * @param clock the clock leases are computed with
 */
public record LeaseSettings(String owner, Duration ttl, Clock clock) {
    public LeaseSettings {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(clock, "clock");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("a lease lasts at least a second");
        }
    }
}
