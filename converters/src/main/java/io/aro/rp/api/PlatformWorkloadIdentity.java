package io.aro.rp.api;

/** One operator's user-assigned identity: the customer names it, the RP fills its client and object IDs. */
public class PlatformWorkloadIdentity extends MissingFields {
    private String resourceId;
    private String clientId;
    private String objectId;

    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }
}
