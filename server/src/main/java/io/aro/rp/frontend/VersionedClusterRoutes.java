package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.OpenShiftCluster;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** The cluster routes bound to one API version, for that version's resource class to delegate to. */
public final class VersionedClusterRoutes<E> {
    private final ApiVersion<E> api;
    private final ClusterRoutes routes;

    private VersionedClusterRoutes(ApiVersion<E> api, ClusterRoutes routes) {
        this.api = api;
        this.routes = routes;
    }

    /** Binds the handlers to API versions. */
    public static final class Factory {
        private final ClusterRoutes routes;

        Factory(ClusterRoutes routes) {
            this.routes = routes;
        }

        public <E> VersionedClusterRoutes<E> of(ApiVersion<E> api) {
            return new VersionedClusterRoutes<>(api, routes);
        }
    }

    public Response get(String subscriptionId, String resourceGroupName, String resourceName) {
        return routes.get().get(api, new ClusterRef(subscriptionId, resourceGroupName, resourceName));
    }

    public Response list(ContainerRequestContext context, String subscriptionId, String resourceGroupName) {
        String skipToken = context.getUriInfo().getQueryParameters().getFirst("$skipToken");
        return routes.list().list(api, ArmRequest.of(context), subscriptionId, resourceGroupName, skipToken);
    }

    public Response put(ContainerRequestContext context, String subscriptionId, String resourceGroupName, String resourceName, E body) {
        return routes.putOrPatch().put(api, ArmRequest.of(context), new ClusterRef(subscriptionId, resourceGroupName, resourceName), body);
    }

    public Response patch(ContainerRequestContext context, String subscriptionId, String resourceGroupName, String resourceName,
            JsonNode patch) {
        return routes.putOrPatch().patch(api, ArmRequest.of(context), new ClusterRef(subscriptionId, resourceGroupName, resourceName), patch);
    }

    public Response delete(ContainerRequestContext context, String subscriptionId, String resourceGroupName, String resourceName) {
        return routes.delete().delete(ArmRequest.of(context), new ClusterRef(subscriptionId, resourceGroupName, resourceName));
    }

    public Response credentials(String subscriptionId, String resourceGroupName, String resourceName,
            Function<OpenShiftCluster, ?> converter) {
        return routes.credentials().list(new ClusterRef(subscriptionId, resourceGroupName, resourceName), converter);
    }
}
