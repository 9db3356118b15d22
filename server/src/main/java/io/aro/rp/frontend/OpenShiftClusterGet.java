package io.aro.rp.frontend;

import io.aro.rp.api.ApiVersion;
import io.aro.rp.database.OpenShiftClusters;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET of a cluster: one point read, and one conversion per version of the document ({@link ExternalViews}). */
final class OpenShiftClusterGet {
    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final ExternalViews views = new ExternalViews();

    OpenShiftClusterGet(OpenShiftClusters clusters, SubscriptionGate subscriptions) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
    }

    Response get(ApiVersion api, ClusterRef ref) {
        subscriptions.require(ref.subscriptionId(), SubscriptionGate.READ);
        OpenShiftClusters.Stored stored = clusters.getStored(ref.resourceId()).orElseThrow(ref::notFound);
        return Response.ok(views.of(api, stored), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
