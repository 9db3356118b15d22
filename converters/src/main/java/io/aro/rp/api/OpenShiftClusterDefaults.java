package io.aro.rp.api;

/**
 * Fills what a request may leave out with ARO's defaults, on the internal model, so that every API
 * version (including those that do not know a property) leaves the same cluster behind.
 */
public final class OpenShiftClusterDefaults {
    private static final int DEFAULT_MANAGED_OUTBOUND_IPS = 1;

    private OpenShiftClusterDefaults() {
    }

    /** Sets each absent defaulted property; present ones are left alone, so applying it twice changes nothing. */
    public static void apply(OpenShiftCluster oc) {
        OpenShiftClusterProperties p = oc.getProperties();
        if (p.getClusterProfile().getFipsValidatedModules() == null) {
            p.getClusterProfile().setFipsValidatedModules(FipsValidatedModules.DISABLED);
        }
        NetworkProfile np = p.getNetworkProfile();
        if (np.getOutboundType() == null) {
            np.setOutboundType(OutboundType.LOADBALANCER);
        }
        if (np.getOutboundType() == OutboundType.LOADBALANCER) {
            if (np.getLoadBalancerProfile() == null) {
                np.setLoadBalancerProfile(new LoadBalancerProfile());
            }
            if (np.getLoadBalancerProfile().getManagedOutboundIps() == null) {
                ManagedOutboundIPs ips = new ManagedOutboundIPs();
                ips.setCount(DEFAULT_MANAGED_OUTBOUND_IPS);
                np.getLoadBalancerProfile().setManagedOutboundIps(ips);
            }
        }
        if (np.getPreconfiguredNSG() == null) {
            np.setPreconfiguredNSG(PreconfiguredNSG.DISABLED);
        }
        if (p.getMasterProfile().getEncryptionAtHost() == null) {
            p.getMasterProfile().setEncryptionAtHost(EncryptionAtHost.DISABLED);
        }
        for (WorkerProfile wp : p.getWorkerProfiles()) {
            if (wp.getEncryptionAtHost() == null) {
                wp.setEncryptionAtHost(EncryptionAtHost.DISABLED);
            }
        }
    }
}
