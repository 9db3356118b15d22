package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * One call of an operation of a generated interface, as its handler sees it: the API version, the
 * request, and the body as the version's generated model read it (null for operations without one).
 */
record OperationCall(ApiVersion api, ContainerRequestContext context, ObjectNode body) {

    /** A path parameter of the operation's route, by its name in the spec. */
    String path(String name) {
        return context.getUriInfo().getPathParameters().getFirst(name);
    }

    String query(String name) {
        return context.getUriInfo().getQueryParameters().getFirst(name);
    }

    ArmRequest request() {
        return ArmRequest.of(context);
    }

    /** The cluster the route names. */
    ClusterRef cluster() {
        return new ClusterRef(path("subscriptionId"), path("resourceGroupName"), path("resourceName"));
    }
}
