package io.aro.rp.api;

/** A public IP address that the public load balancer uses for egress. */
public class EffectiveOutboundIP extends MissingFields {
    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
