package io.aro.rp.api;

/** A user-assigned identity of the cluster resource, as Azure reports it (the RP fills both IDs). */
public class UserAssignedIdentity extends MissingFields {
    private String clientId;
    private String principalId;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getPrincipalId() {
        return principalId;
    }

    public void setPrincipalId(String principalId) {
        this.principalId = principalId;
    }
}
