package io.aro.rp.api;

import java.util.Locale;
import java.util.Objects;

/**
 * What static validation checks a request against: the resource named by the URL and the RP's own
 * location and managed domain.
 *
 * @param subscriptionId the subscription of the URL
 * @param resourceGroupName the resource group of the URL, as the caller spelt it
 * @param resourceName the cluster name of the URL, as the caller spelt it
 * @param location the RP's region; a cluster must be in it
 * @param managedDomain the RP's managed DNS domain for the region (for example {@code eastus.aroapp.io}),
 *     or null when the RP has none
 */
public record ValidationContext(String subscriptionId, String resourceGroupName, String resourceName, String location,
        String managedDomain) {

    public ValidationContext {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroupName, "resourceGroupName");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(location, "location");
    }

    /** The ID of the cluster that the URL names. */
    public String resourceId() {
        return ResourceNames.resourceId(subscriptionId, resourceGroupName, resourceName);
    }

    /** The ID of the resource group that holds the cluster resource. */
    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName;
    }

    /** Whether {@code location} names the RP's region (ARM compares locations case-insensitively, without spaces). */
    public boolean isRpLocation(String location) {
        return location != null && normalise(location).equals(normalise(this.location));
    }

    private static String normalise(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
