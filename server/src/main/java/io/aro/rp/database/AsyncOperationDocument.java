package io.aro.rp.database;

import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.OpenShiftCluster;

/**
 * An operation as the AsyncOperations container holds it: partitioned by its own id, expiring
 * {@link AsyncOperations#TIME_TO_LIVE} after its last write.
 */
public class AsyncOperationDocument extends Document {
    private String openShiftClusterKey;
    private AsyncOperation asyncOperation;
    private OpenShiftCluster openShiftCluster;
    private Long ttl;

    /** The key of the cluster the operation is about. */
    public String getOpenShiftClusterKey() {
        return openShiftClusterKey;
    }

    public void setOpenShiftClusterKey(String openShiftClusterKey) {
        this.openShiftClusterKey = openShiftClusterKey;
    }

    public AsyncOperation getAsyncOperation() {
        return asyncOperation;
    }

    public void setAsyncOperation(AsyncOperation asyncOperation) {
        this.asyncOperation = asyncOperation;
    }

    /** The cluster as the operation left it, which operationresults returns. */
    public OpenShiftCluster getOpenShiftCluster() {
        return openShiftCluster;
    }

    public void setOpenShiftCluster(OpenShiftCluster openShiftCluster) {
        this.openShiftCluster = openShiftCluster;
    }

    /** Seconds after its last write that the store deletes the document. */
    public Long getTtl() {
        return ttl;
    }

    public void setTtl(Long ttl) {
        this.ttl = ttl;
    }
}
