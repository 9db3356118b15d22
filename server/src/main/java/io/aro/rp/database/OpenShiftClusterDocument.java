package io.aro.rp.database;

import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;

/** A cluster as the OpenShiftClusters container holds it: partitioned by subscription, unique by resource ID. */
public class OpenShiftClusterDocument extends LeasedDocument {
    private String key;
    private String partitionKey;
    private String clusterResourceGroupIdKey;
    private String clientIdKey;
    private String asyncOperationId;
    private int bucket;
    private CorrelationData correlationData;
    private OpenShiftCluster openShiftCluster;

    /** The resource ID in lower case. */
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** The subscription ID in lower case. */
    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    /** The cluster's own resource group ID in lower case: unique, two clusters cannot share one. */
    public String getClusterResourceGroupIdKey() {
        return clusterResourceGroupIdKey;
    }

    public void setClusterResourceGroupIdKey(String clusterResourceGroupIdKey) {
        this.clusterResourceGroupIdKey = clusterResourceGroupIdKey;
    }

    /** The service principal's client ID in lower case: unique, two clusters cannot share one. */
    public String getClientIdKey() {
        return clientIdKey;
    }

    public void setClientIdKey(String clientIdKey) {
        this.clientIdKey = clientIdKey;
    }

    /** The operation in progress on the cluster, or null. */
    public String getAsyncOperationId() {
        return asyncOperationId;
    }

    public void setAsyncOperationId(String asyncOperationId) {
        this.asyncOperationId = asyncOperationId;
    }

    /** A number from 0 to 255 that spreads clusters over monitors. */
    public int getBucket() {
        return bucket;
    }

    public void setBucket(int bucket) {
        this.bucket = bucket;
    }

    /** The ARM ids of the request that started the current (or last) operation. */
    public CorrelationData getCorrelationData() {
        return correlationData;
    }

    public void setCorrelationData(CorrelationData correlationData) {
        this.correlationData = correlationData;
    }

    public OpenShiftCluster getOpenShiftCluster() {
        return openShiftCluster;
    }

    public void setOpenShiftCluster(OpenShiftCluster openShiftCluster) {
        this.openShiftCluster = openShiftCluster;
    }
}
