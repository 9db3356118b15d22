package io.aro.rp.api;

/** The identity and version of a cluster. */
public class ClusterProfile extends MissingFields {
    private SecureString pullSecret;
    private String domain;
    private String version;
    /** The resource group the RP creates and owns for the cluster's resources. */
    private String resourceGroupId;
    private FipsValidatedModules fipsValidatedModules;
    /** The URL of the cluster's OIDC issuer (workload identity clusters), set by the RP. */
    private String oidcIssuer;
    /** The private key that signs the cluster's service account tokens (workload identity clusters), PEM; the issuer publishes its public half. */
    private SecureString boundServiceAccountSigningKey;

    public SecureString getPullSecret() {
        return pullSecret;
    }

    public void setPullSecret(SecureString pullSecret) {
        this.pullSecret = pullSecret;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getResourceGroupId() {
        return resourceGroupId;
    }

    public void setResourceGroupId(String resourceGroupId) {
        this.resourceGroupId = resourceGroupId;
    }

    public FipsValidatedModules getFipsValidatedModules() {
        return fipsValidatedModules;
    }

    public void setFipsValidatedModules(FipsValidatedModules fipsValidatedModules) {
        this.fipsValidatedModules = fipsValidatedModules;
    }

    public String getOidcIssuer() {
        return oidcIssuer;
    }

    public void setOidcIssuer(String oidcIssuer) {
        this.oidcIssuer = oidcIssuer;
    }

    public SecureString getBoundServiceAccountSigningKey() {
        return boundServiceAccountSigningKey;
    }

    public void setBoundServiceAccountSigningKey(SecureString boundServiceAccountSigningKey) {
        this.boundServiceAccountSigningKey = boundServiceAccountSigningKey;
    }
}
