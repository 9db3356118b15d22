package io.aro.rp.frontend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.database.AsyncOperationDocument;
import io.aro.rp.database.AsyncOperations;
import io.aro.rp.database.OpenShiftClusters;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;

/**
 * The polling routes of long-running operations, for every API version: operationsstatus (the
 * Azure-AsyncOperation URL) and operationresults (the Location URL).
 *
 * <p>Like ARO, an operation is reported with its initial state for as long as the cluster document still
 * points at it: the backend writes the operation's end before it releases the cluster, so a client never
 * sees Succeeded while a GET of the cluster still shows Creating.
 */
@Path("/api/{apiVersion}/subscriptions/{subscriptionId}/providers/Microsoft.RedHatOpenShift/locations/{location}")
@Produces(MediaType.APPLICATION_JSON)
public final class AsyncOperationsResource {
    private final AsyncOperations asyncOperations;
    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final AsyncOperationUrls operations;

    @Inject
    private Provider<ContainerRequestContext> requestContext;

    AsyncOperationsResource(AsyncOperations asyncOperations, OpenShiftClusters clusters, SubscriptionGate subscriptions, AsyncOperationUrls operations) {
        this.asyncOperations = asyncOperations;
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.operations = operations;
    }

    /** The body of operationsstatus. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OperationStatus(String id, String name, String status, Instant startTime, Instant endTime, CloudErrorBody error) {
    }

    @GET
    @Path("/operationsstatus/{operationId}")
    public Response status(@PathParam("subscriptionId") String subscriptionId, @PathParam("location") String location,
            @PathParam("operationId") String operationId) {
        AsyncOperationDocument doc = find(subscriptionId, operationId);
        AsyncOperation op = doc.getAsyncOperation();
        ProvisioningState status = visibleStatus(doc);
        String id = "/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/" + location
                + "/operationsstatus/" + op.getId();
        Response.ResponseBuilder response = Response.ok(new OperationStatus(id, op.getName(), status.toString(),
                op.getStartTime(), status.isTerminal() ? op.getEndTime() : null, status == ProvisioningState.FAILED ? op.getError() : null));
        return (status.isTerminal() ? response : operations.inProgress(response)).build();
    }

    @GET
    @Path("/operationresults/{operationId}")
    public Response result(@PathParam("apiVersion") String apiVersion, @PathParam("subscriptionId") String subscriptionId,
            @PathParam("operationId") String operationId) {
        AsyncOperationDocument doc = find(subscriptionId, operationId);
        ArmRequest request = ArmRequest.of(requestContext.get());
        if (!visibleStatus(doc).isTerminal()) {
            return operations.inProgress(Response.accepted()).header("Location", request.url(request.originalPath())).build();
        }
        if (doc.getOpenShiftCluster() == null) {
            return Response.noContent().build();
        }
        return Response.ok(ApiVersions.get(apiVersion).orElseThrow().toExternal(doc.getOpenShiftCluster())).build();
    }

    private AsyncOperationDocument find(String subscriptionId, String operationId) {
        subscriptions.require(subscriptionId, SubscriptionGate.READ);
        return asyncOperations.get(operationId)
                .filter(doc -> doc.getOpenShiftClusterKey() != null
                        && doc.getOpenShiftClusterKey().startsWith("/subscriptions/" + subscriptionId.toLowerCase(Locale.ROOT) + "/"))
                .orElseThrow(() -> new io.aro.rp.api.CloudError(404, new CloudErrorBody(CloudErrorCodes.NOT_FOUND,
                        "The entity was not found.", null, null)).toException());
    }

    private ProvisioningState visibleStatus(AsyncOperationDocument doc) {
        AsyncOperation op = doc.getAsyncOperation();
        if (op.getProvisioningState().isTerminal() && clusters.get(doc.getOpenShiftClusterKey())
                .map(cluster -> op.getId().equalsIgnoreCase(cluster.getAsyncOperationId())).orElse(false)) {
            return op.getInitialProvisioningState();
        }
        return op.getProvisioningState();
    }
}
