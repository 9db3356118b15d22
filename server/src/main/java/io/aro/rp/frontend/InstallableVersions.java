package io.aro.rp.frontend;

import java.util.List;

/** The OpenShift versions a subscription may create clusters with, from the RP's configuration. */
public final class InstallableVersions {
    private final List<String> versions;
    private final SubscriptionGate subscriptions;

    InstallableVersions(List<String> versions, SubscriptionGate subscriptions) {
        this.versions = List.copyOf(versions);
        this.subscriptions = subscriptions;
    }

    public List<String> list(String subscriptionId) {
        subscriptions.require(subscriptionId, SubscriptionGate.READ);
        return versions;
    }
}
