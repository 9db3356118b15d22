package io.aro.rp.cloud.hive;

import io.aro.rp.cloud.TransientCloudException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** What a Kubernetes API failure means for a step: throttling, a server error or no connection is transient; the rest is a fault. */
public final class KubernetesCalls {
    private KubernetesCalls() {
    }

    /** The result of a call to a Kubernetes API server, with its transient failures translated. */
    public static <T> T call(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            if (isTransient(e)) {
                throw new TransientCloudException(what + " failed: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    public static void run(Runnable call, String what) {
        call(() -> {
            call.run();
            return null;
        }, what);
    }

    static boolean isTransient(KubernetesClientException e) {
        int code = e.getCode();
        // no HTTP status at all: the API server could not be reached (connection refused, reset, timeout)
        return code <= 0 || code == 429 || code >= 500 || e.getCause() instanceof java.io.IOException;
    }

    static boolean isConflict(KubernetesClientException e) {
        return e.getCode() == 409;
    }
}
