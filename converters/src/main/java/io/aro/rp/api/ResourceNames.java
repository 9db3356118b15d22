package io.aro.rp.api;

/** Names of the resource provider and its cluster resource type. */
public final class ResourceNames {
    public static final String RESOURCE_PROVIDER_NAMESPACE = "Microsoft.RedHatOpenShift";
    public static final String RESOURCE_TYPE_NAME = "openShiftClusters";
    /** The fully qualified resource type, as responses spell it. */
    public static final String RESOURCE_TYPE = RESOURCE_PROVIDER_NAMESPACE + "/" + RESOURCE_TYPE_NAME;
    /** The user name of the cluster's built-in administrator. */
    public static final String KUBEADMIN_USERNAME = "kubeadmin";

    private ResourceNames() {
    }

    /** The resource ID of a cluster, in the given casing. */
    public static String resourceId(String subscriptionId, String resourceGroupName, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName + "/providers/"
                + RESOURCE_TYPE + "/" + name;
    }
}
