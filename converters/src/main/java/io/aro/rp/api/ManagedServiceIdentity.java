package io.aro.rp.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The managed identity of a workload identity cluster: exactly one user-assigned identity, the cluster
 * identity, whose credentials the RP obtains from ARM's managed identity data plane at {@link #getIdentityUrl()}.
 */
public class ManagedServiceIdentity extends MissingFields {
    public static final String USER_ASSIGNED = "UserAssigned";

    private String type;
    private String principalId;
    /** The tenant of the identities, from ARM's {@code x-ms-home-tenant-id} header. */
    private String tenantId;
    /** ARM's {@code x-ms-identity-url}: where the RP gets the cluster identity's credentials. A secret. */
    private SecureString identityUrl;
    /** By resource ID, as the request spelt it. */
    private Map<String, UserAssignedIdentity> userAssignedIdentities = new LinkedHashMap<>();

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getPrincipalId() {
        return principalId;
    }

    public void setPrincipalId(String principalId) {
        this.principalId = principalId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public SecureString getIdentityUrl() {
        return identityUrl;
    }

    public void setIdentityUrl(SecureString identityUrl) {
        this.identityUrl = identityUrl;
    }

    public Map<String, UserAssignedIdentity> getUserAssignedIdentities() {
        return userAssignedIdentities;
    }

    public void setUserAssignedIdentities(Map<String, UserAssignedIdentity> userAssignedIdentities) {
        this.userAssignedIdentities = userAssignedIdentities;
    }

    /** The resource ID of the cluster identity (the one user-assigned identity), or null. */
    public String clusterIdentityId() {
        return userAssignedIdentities.isEmpty() ? null : userAssignedIdentities.keySet().iterator().next();
    }
}
