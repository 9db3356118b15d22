package io.aro.rp.backend;

import java.time.Duration;

/**
 * How the backend works.
 *
 * @param pollInterval how long it waits for work when there is none
 * @param workers how many clusters one process works on at once
 * @param heartbeat how often a worker renews its lease (well under the lease's TTL)
 * @param shutdownGrace how long a stopping process lets running steps finish before it gives their clusters back
 * @param subscriptionRetryDelay how long a deleted subscription waits while some of its clusters are busy (ARO: 10 minutes)
 * @param maxDequeues how often an operation may be taken up without progress before it fails (ARO: 5)
 * @param transientRetries how often a step is retried after a transient cloud failure, within its lease
 * @param installPollInterval how often an installation in progress is looked at again (no worker waits in between)
 * @param installTimeout how long the installer may take before the install fails (ARO: 60 minutes)
 */
public record BackendSettings(Duration pollInterval, int workers, Duration heartbeat, Duration shutdownGrace, Duration subscriptionRetryDelay,
        int maxDequeues, int transientRetries, Duration installPollInterval, Duration installTimeout) {

    public BackendSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }
}
