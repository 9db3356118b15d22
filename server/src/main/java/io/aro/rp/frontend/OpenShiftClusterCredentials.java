package io.aro.rp.frontend;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** POST listCredentials and listAdminCredentials: the only responses that carry a secret. */
final class OpenShiftClusterCredentials {
    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;

    OpenShiftClusterCredentials(OpenShiftClusters clusters, SubscriptionGate subscriptions) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
    }

    /** The credentials {@code converter} takes from the cluster; refused while it is being created or deleted, as ARO does. */
    Response list(ClusterRef ref, Function<OpenShiftCluster, ?> converter) {
        subscriptions.require(ref.subscriptionId(), SubscriptionGate.WRITE);
        OpenShiftClusterDocument doc = clusters.get(ref.resourceId()).orElseThrow(ref::notFound);
        ProvisioningState state = doc.getOpenShiftCluster().getProperties().getProvisioningState();
        if (state == ProvisioningState.CREATING || state == ProvisioningState.DELETING) {
            throw ClusterStates.notAllowedIn(state);
        }
        return Response.ok(converter.apply(doc.getOpenShiftCluster())).build();
    }
}
