package io.aro.rp.frontend.v20200430;

import io.aro.rp.api.v20200430.OpenShiftClusterCredentialsConverter;
import io.aro.rp.api.v20200430.Registration;
import io.aro.rp.frontend.FrontendJson;
import io.aro.rp.frontend.VersionedClusterRoutes;
import io.aro.rp.generated.v20200430.api.OpenShiftClustersApi;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import io.aro.rp.generated.v20200430.model.OpenShiftClusterUpdate;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** The cluster routes of 2020-04-30: the generated interface, served by the version-agnostic handlers. */
public final class OpenShiftClustersResource implements OpenShiftClustersApi {
    private final OpenShiftClusterCredentialsConverter credentials = new OpenShiftClusterCredentialsConverter();
    private final VersionedClusterRoutes<OpenShiftCluster> routes;

    @Inject
    private Provider<ContainerRequestContext> request;

    public OpenShiftClustersResource(VersionedClusterRoutes.Factory routes) {
        this.routes = routes.of(Registration.API);
    }

    @Override
    public Response openShiftClustersCreateOrUpdate(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName,
            OpenShiftCluster parameters) {
        return routes.put(request.get(), subscriptionId, resourceGroupName, resourceName, parameters);
    }

    @Override
    public Response openShiftClustersUpdate(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName,
            OpenShiftClusterUpdate parameters) {
        return routes.patch(request.get(), subscriptionId, resourceGroupName, resourceName, FrontendJson.MAPPER.valueToTree(parameters));
    }

    @Override
    public Response openShiftClustersDelete(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName) {
        return routes.delete(request.get(), subscriptionId, resourceGroupName, resourceName);
    }

    @Override
    public Response openShiftClustersGet(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName) {
        return routes.get(subscriptionId, resourceGroupName, resourceName);
    }

    @Override
    public Response openShiftClustersList(String apiVersion, String subscriptionId) {
        return routes.list(request.get(), subscriptionId, null);
    }

    @Override
    public Response openShiftClustersListByResourceGroup(String apiVersion, String subscriptionId, String resourceGroupName) {
        return routes.list(request.get(), subscriptionId, resourceGroupName);
    }

    @Override
    public Response openShiftClustersListCredentials(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName) {
        return routes.credentials(subscriptionId, resourceGroupName, resourceName, credentials::toExternal);
    }
}
