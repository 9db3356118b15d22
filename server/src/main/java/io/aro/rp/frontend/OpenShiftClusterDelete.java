package io.aro.rp.frontend;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.PreconditionRetry;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * DELETE of a cluster: 204 when there is none; otherwise records Deleting and an AsyncOperation and
 * answers 202 with Location and Azure-AsyncOperation. Deleting a cluster that is being deleted answers
 * 202 with the operation in progress.
 */
final class OpenShiftClusterDelete {
    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final AsyncOperationUrls operations;
    private final ClusterOperation clusterOperation;
    private final RetryPolicy<Object> retry;

    OpenShiftClusterDelete(OpenShiftClusters clusters, SubscriptionGate subscriptions, AsyncOperationUrls operations, ClusterOperation clusterOperation,
            PreconditionRetry retry) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.operations = operations;
        this.clusterOperation = clusterOperation;
        this.retry = retry.policy();
    }

    Response delete(ArmRequest request, ClusterRef ref) {
        subscriptions.require(ref.subscriptionId(), SubscriptionGate.READ);
        return Failsafe.with(retry).get(() -> {
            Optional<OpenShiftClusterDocument> existing = clusters.get(ref.resourceId());
            if (existing.isEmpty()) {
                return Response.noContent().build();
            }
            OpenShiftClusterDocument doc = existing.get();
            OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
            if (p.getProvisioningState() != ProvisioningState.DELETING || doc.getAsyncOperationId() == null) {
                ClusterStates.requireTerminal(p);
                doc = clusterOperation.start(doc, ProvisioningState.DELETING, request.correlationData(), clusters::update);
            }
            return operations.inProgress(Response.accepted())
                    .header("Location", operations.result(request, ref.subscriptionId(), doc.getAsyncOperationId()))
                    .header("Azure-AsyncOperation", operations.status(request, ref.subscriptionId(), doc.getAsyncOperationId()))
                    .build();
        });
    }
}
