package io.aro.rp.api;

import java.util.ArrayList;
import java.util.List;

/** The public load balancer of a cluster. */
public class LoadBalancerProfile extends MissingFields {
    private ManagedOutboundIPs managedOutboundIps;
    private List<EffectiveOutboundIP> effectiveOutboundIps = new ArrayList<>();

    public ManagedOutboundIPs getManagedOutboundIps() {
        return managedOutboundIps;
    }

    public void setManagedOutboundIps(ManagedOutboundIPs managedOutboundIps) {
        this.managedOutboundIps = managedOutboundIps;
    }

    public List<EffectiveOutboundIP> getEffectiveOutboundIps() {
        return effectiveOutboundIps;
    }

    public void setEffectiveOutboundIps(List<EffectiveOutboundIP> effectiveOutboundIps) {
        this.effectiveOutboundIps = effectiveOutboundIps;
    }
}
