package io.aro.rp.database;

import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;

/** A role set as the PlatformWorkloadIdentityRoleSets container holds it; its id is the OpenShift minor version. */
public class PlatformWorkloadIdentityRoleSetDocument extends Document {
    private PlatformWorkloadIdentityRoleSet properties = new PlatformWorkloadIdentityRoleSet();

    public PlatformWorkloadIdentityRoleSet getProperties() {
        return properties;
    }

    public void setProperties(PlatformWorkloadIdentityRoleSet properties) {
        this.properties = properties;
    }
}
