package io.aro.rp.testing;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.OpenShiftClusterDocument;
import java.util.UUID;

/** Cluster documents for tests. */
public final class Clusters {
    private Clusters() {
    }

    /** A cluster document in {@code state}, with a fresh client ID and resource group so that unique keys do not clash. */
    public static OpenShiftClusterDocument document(String subscriptionId, String resourceGroup, String name, ProvisioningState state) {
        String id = ResourceNames.resourceId(subscriptionId, resourceGroup, name);
        OpenShiftCluster oc = new OpenShiftCluster();
        oc.setId(id);
        oc.setName(name);
        oc.setType(ResourceNames.RESOURCE_TYPE);
        oc.setLocation("eastus");
        oc.getProperties().setProvisioningState(state);
        String clientId = UUID.randomUUID().toString();
        oc.getProperties().getServicePrincipalProfile().setClientId(clientId);
        String clusterResourceGroup = "/subscriptions/" + subscriptionId + "/resourceGroups/aro-" + UUID.randomUUID();
        oc.getProperties().getClusterProfile().setResourceGroupId(clusterResourceGroup);

        OpenShiftClusterDocument doc = new OpenShiftClusterDocument();
        doc.setKey(id);
        doc.setClientIdKey(clientId.toLowerCase());
        doc.setClusterResourceGroupIdKey(clusterResourceGroup.toLowerCase());
        doc.setOpenShiftCluster(oc);
        return doc;
    }
}
