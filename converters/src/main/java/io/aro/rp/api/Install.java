package io.aro.rp.api;

import java.time.Instant;

/** Where an installation stands, so that any backend worker can resume it. */
public class Install extends MissingFields {
    /** When the installation started. */
    private Instant now;
    private InstallPhase phase;

    public Instant getNow() {
        return now;
    }

    public void setNow(Instant now) {
        this.now = now;
    }

    public InstallPhase getPhase() {
        return phase;
    }

    public void setPhase(InstallPhase phase) {
        this.phase = phase;
    }
}
