package io.aro.rp.api;

/** Where the cluster lives on Hive's management cluster (internal: no API version shows it). */
public class HiveProfile extends MissingFields {
    /** The namespace that holds the cluster's ClusterDeployment and secrets; chosen once, before it is created. */
    private String namespace;
    /** The infrastructure ID the installer gave the cluster's Azure resources (Hive's clusterMetadata.infraID). */
    private String infraId;

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getInfraId() {
        return infraId;
    }

    public void setInfraId(String infraId) {
        this.infraId = infraId;
    }
}
