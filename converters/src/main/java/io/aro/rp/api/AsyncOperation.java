package io.aro.rp.api;

import java.time.Instant;

/**
 * A long-running operation on a cluster, as the operationsstatus and operationresults routes report it.
 * {@code initialProvisioningState} is the state the operation put the cluster in (Creating, Updating,
 * Deleting, ...); {@code provisioningState} is the operation's own status.
 */
public class AsyncOperation extends MissingFields {
    private String id;
    private String name;
    private ProvisioningState initialProvisioningState;
    private ProvisioningState provisioningState;
    private Instant startTime;
    private Instant endTime;
    private CloudErrorBody error;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ProvisioningState getInitialProvisioningState() {
        return initialProvisioningState;
    }

    public void setInitialProvisioningState(ProvisioningState initialProvisioningState) {
        this.initialProvisioningState = initialProvisioningState;
    }

    public ProvisioningState getProvisioningState() {
        return provisioningState;
    }

    public void setProvisioningState(ProvisioningState provisioningState) {
        this.provisioningState = provisioningState;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public void setStartTime(Instant startTime) {
        this.startTime = startTime;
    }

    public Instant getEndTime() {
        return endTime;
    }

    public void setEndTime(Instant endTime) {
        this.endTime = endTime;
    }

    public CloudErrorBody getError() {
        return error;
    }

    public void setError(CloudErrorBody error) {
        this.error = error;
    }
}
