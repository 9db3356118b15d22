package io.aro.rp.frontend;

import io.aro.rp.generated.admin.api.AdminApi;
import io.aro.rp.generated.admin.model.AdminOpenShiftVersion;
import io.aro.rp.generated.admin.model.AdminPlatformWorkloadIdentityRoleSet;
import io.aro.rp.generated.admin.model.AdminUpdate;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** The admin API (generated from swagger/admin/admin.json), served by its route families. */
public final class AdminResource implements AdminApi {
    private final AdminClusters clusters;
    private final AdminClusterResources resources;
    private final AdminVersions versions;
    private final AdminRoleSets roleSets;

    @Inject
    private Provider<ContainerRequestContext> request;

    AdminResource(AdminClusters clusters, AdminClusterResources resources, AdminVersions versions, AdminRoleSets roleSets) {
        this.clusters = clusters;
        this.resources = resources;
        this.versions = versions;
        this.roleSets = roleSets;
    }

    @Override
    public Response adminOpenShiftClustersList(String apiVersion, String skipToken) {
        return clusters.list(ArmRequest.of(request.get()), skipToken);
    }

    @Override
    public Response adminOpenShiftClustersGet(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName) {
        return clusters.get(new ClusterRef(subscriptionId, resourceGroupName, resourceName));
    }

    @Override
    public Response adminOpenShiftClustersUpdate(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName,
            AdminUpdate parameters) {
        return clusters.update(ArmRequest.of(request.get()), new ClusterRef(subscriptionId, resourceGroupName, resourceName));
    }

    @Override
    public Response adminOpenShiftClustersListResources(String apiVersion, String subscriptionId, String resourceGroupName, String resourceName) {
        return resources.resources(new ClusterRef(subscriptionId, resourceGroupName, resourceName));
    }

    @Override
    public Response adminOpenShiftClustersVirtualMachineAction(String apiVersion, String subscriptionId, String resourceGroupName,
            String resourceName, String vmAction, String vmName) {
        return resources.virtualMachineAction(new ClusterRef(subscriptionId, resourceGroupName, resourceName), vmAction, vmName);
    }

    @Override
    public Response adminOpenShiftVersionsList(String apiVersion) {
        return versions.list();
    }

    @Override
    public Response adminOpenShiftVersionsGet(String apiVersion, String version) {
        return versions.get(version);
    }

    @Override
    public Response adminOpenShiftVersionsPut(String apiVersion, AdminOpenShiftVersion parameters) {
        return versions.put(parameters);
    }

    @Override
    public Response adminPlatformWorkloadIdentityRoleSetsList(String apiVersion) {
        return roleSets.list();
    }

    @Override
    public Response adminPlatformWorkloadIdentityRoleSetsGet(String apiVersion, String openShiftMinorVersion) {
        return roleSets.get(openShiftMinorVersion);
    }

    @Override
    public Response adminPlatformWorkloadIdentityRoleSetsPut(String apiVersion, AdminPlatformWorkloadIdentityRoleSet parameters) {
        return roleSets.put(parameters);
    }
}
