package io.aro.rp.api;

/** The service principal the cluster uses to manage its Azure resources. */
public class ServicePrincipalProfile extends MissingFields {
    /** The tenant of the subscription, recorded at creation. */
    private String tenantId;
    private String clientId;
    private SecureString clientSecret;

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public SecureString getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(SecureString clientSecret) {
        this.clientSecret = clientSecret;
    }
}
