package io.aro.rp.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The managed identities of a workload identity cluster's operators, by operator name. */
public class PlatformWorkloadIdentityProfile extends MissingFields {
    /** An OpenShift version the identities also suit, so that an upgrade to it may proceed. */
    private String upgradeableTo;
    private Map<String, PlatformWorkloadIdentity> platformWorkloadIdentities = new LinkedHashMap<>();

    public String getUpgradeableTo() {
        return upgradeableTo;
    }

    public void setUpgradeableTo(String upgradeableTo) {
        this.upgradeableTo = upgradeableTo;
    }

    public Map<String, PlatformWorkloadIdentity> getPlatformWorkloadIdentities() {
        return platformWorkloadIdentities;
    }

    public void setPlatformWorkloadIdentities(Map<String, PlatformWorkloadIdentity> platformWorkloadIdentities) {
        this.platformWorkloadIdentities = platformWorkloadIdentities;
    }
}
