package io.aro.rp.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An Azure Red Hat OpenShift cluster: the one internal model that every API version converts to and from. */
public class OpenShiftCluster extends MissingFields {
    /** The resource ID, in the casing it was created with. */
    private String id;
    private String name;
    private String type;
    private String location;
    /** What ARM told us about who created and last changed the resource. */
    private SystemData systemData;
    private Map<String, String> tags = new LinkedHashMap<>();
    private OpenShiftClusterProperties properties = new OpenShiftClusterProperties();
    /** The cluster identity of a workload identity cluster; null for a service principal cluster. */
    private ManagedServiceIdentity identity;

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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public SystemData getSystemData() {
        return systemData;
    }

    public void setSystemData(SystemData systemData) {
        this.systemData = systemData;
    }

    public Map<String, String> getTags() {
        return tags;
    }

    public void setTags(Map<String, String> tags) {
        this.tags = tags;
    }

    public OpenShiftClusterProperties getProperties() {
        return properties;
    }

    public void setProperties(OpenShiftClusterProperties properties) {
        this.properties = properties;
    }

    public ManagedServiceIdentity getIdentity() {
        return identity;
    }

    public void setIdentity(ManagedServiceIdentity identity) {
        this.identity = identity;
    }

    /** Whether the cluster's operators authenticate with managed identities rather than a service principal. */
    public boolean usesWorkloadIdentity() {
        return properties.getPlatformWorkloadIdentityProfile() != null;
    }
}
