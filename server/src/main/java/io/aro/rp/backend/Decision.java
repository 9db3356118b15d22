package io.aro.rp.backend;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.InstallPhase;
import java.time.Duration;
import java.util.Objects;

/**
 * What a reconciliation of a cluster decided, which {@link ClusterWorker} applies in one place (as
 * java-operator-sdk's reconcilers return an UpdateControl): the steps act, this says what becomes of the
 * cluster and its operation.
 */
sealed interface Decision {
    /** The install goes on with {@code phase}, in any worker: the lease is released with the phase recorded. */
    record NextPhase(InstallPhase phase) implements Decision {
        public NextPhase {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /** Nothing to do until {@code delay} has passed (waiting on Hive): the lease is released and no worker takes the cluster before. */
    record RequeueAfter(Duration delay, String reason) implements Decision {
        public RequeueAfter {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** The operation succeeded. */
    record Succeeded() implements Decision {
    }

    /** The operation failed with {@code error}, which its AsyncOperation reports. */
    record Failed(CloudErrorBody error) implements Decision {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The cluster is gone: its operation succeeded and its document is deleted. */
    record Deleted() implements Decision {
    }

    static Decision succeeded() {
        return new Succeeded();
    }

    static Decision deleted() {
        return new Deleted();
    }
}
