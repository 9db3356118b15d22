package io.aro.rp.api;

/** The outbound public IP addresses that Azure manages for the public load balancer. */
public class ManagedOutboundIPs extends MissingFields {
    private Integer count;

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }
}
