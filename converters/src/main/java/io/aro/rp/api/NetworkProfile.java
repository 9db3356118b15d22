package io.aro.rp.api;

/** The internal networks of a cluster and how its traffic leaves it. */
public class NetworkProfile extends MissingFields {
    private String podCidr;
    private String serviceCidr;
    private OutboundType outboundType;
    private LoadBalancerProfile loadBalancerProfile;
    private PreconfiguredNSG preconfiguredNSG;
    private String apiServerPrivateEndpointIp;

    public String getPodCidr() {
        return podCidr;
    }

    public void setPodCidr(String podCidr) {
        this.podCidr = podCidr;
    }

    public String getServiceCidr() {
        return serviceCidr;
    }

    public void setServiceCidr(String serviceCidr) {
        this.serviceCidr = serviceCidr;
    }

    public OutboundType getOutboundType() {
        return outboundType;
    }

    public void setOutboundType(OutboundType outboundType) {
        this.outboundType = outboundType;
    }

    public LoadBalancerProfile getLoadBalancerProfile() {
        return loadBalancerProfile;
    }

    public void setLoadBalancerProfile(LoadBalancerProfile loadBalancerProfile) {
        this.loadBalancerProfile = loadBalancerProfile;
    }

    public PreconfiguredNSG getPreconfiguredNSG() {
        return preconfiguredNSG;
    }

    public void setPreconfiguredNSG(PreconfiguredNSG preconfiguredNSG) {
        this.preconfiguredNSG = preconfiguredNSG;
    }

    public String getApiServerPrivateEndpointIp() {
        return apiServerPrivateEndpointIp;
    }

    public void setApiServerPrivateEndpointIp(String apiServerPrivateEndpointIp) {
        this.apiServerPrivateEndpointIp = apiServerPrivateEndpointIp;
    }
}
