package io.aro.rp.api;

import java.util.ArrayList;
import java.util.List;

/** A subscription as ARM last told the RP about it (PUT /subscriptions/{id}?api-version=2.0). */
public class Subscription extends MissingFields {
    private SubscriptionState state;
    /** As ARM sends it (an RFC 1123 date). */
    private String registrationDate;
    private Properties properties = new Properties();

    public SubscriptionState getState() {
        return state;
    }

    public void setState(SubscriptionState state) {
        this.state = state;
    }

    public String getRegistrationDate() {
        return registrationDate;
    }

    public void setRegistrationDate(String registrationDate) {
        this.registrationDate = registrationDate;
    }

    public Properties getProperties() {
        return properties;
    }

    public void setProperties(Properties properties) {
        this.properties = properties;
    }

    /** The tenant and the preview features registered for the subscription. */
    public static class Properties extends MissingFields {
        private String tenantId;
        private List<RegisteredFeature> registeredFeatures = new ArrayList<>();

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public List<RegisteredFeature> getRegisteredFeatures() {
            return registeredFeatures;
        }

        public void setRegisteredFeatures(List<RegisteredFeature> registeredFeatures) {
            this.registeredFeatures = registeredFeatures;
        }
    }

    /** A preview feature (AFEC) and its state, as ARM sends it. */
    public static class RegisteredFeature extends MissingFields {
        private String name;
        private String state;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getState() {
            return state;
        }

        public void setState(String state) {
            this.state = state;
        }
    }
}
