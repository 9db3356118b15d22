package io.aro.rp.sdk;

import io.aro.rp.sdk.v20250725.api.OpenShiftClustersApi;
import io.aro.rp.sdk.v20250725.api.OpenShiftVersionsApi;
import io.aro.rp.sdk.v20250725.api.PlatformWorkloadIdentityRoleSetsApi;
import io.aro.rp.sdk.v20250725.invoker.ApiResponse;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterAdminKubeconfig;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterCredentials;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterList;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterUpdate;
import io.aro.rp.sdk.v20250725.models.OpenShiftVersion;
import io.aro.rp.sdk.v20250725.models.OpenShiftVersionList;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentityRoleSetList;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Azure Red Hat OpenShift API, version 2025-07-25, in one subscription. Thread-safe. Every method
 * throws {@link AroException} (a {@link ResourceNotFoundException} for a 404) when the service refuses
 * the request, and {@link ServiceUnreachableException} when it cannot be reached after the retries.
 * Build one with {@link AroClientBuilder}.
 */
public final class AroClient {
    public static final String API_VERSION = "2025-07-25";

    private final ArmTransport transport;
    private final String subscriptionId;
    /** As the spec types it (common-types v6): a UUID. */
    private final UUID subscription;
    private final Duration pollInterval;
    private final Duration operationTimeout;
    private final OpenShiftClustersApi clusters;
    private final OpenShiftVersionsApi versions;
    private final PlatformWorkloadIdentityRoleSetsApi roleSets;

    AroClient(ArmTransport transport, String subscriptionId, Duration pollInterval, Duration operationTimeout) {
        this.transport = transport;
        this.subscriptionId = subscriptionId;
        try {
            this.subscription = UUID.fromString(subscriptionId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the subscription ID must be a GUID, not '" + subscriptionId + "'", e);
        }
        this.pollInterval = pollInterval;
        this.operationTimeout = operationTimeout;
        this.clusters = new OpenShiftClustersApi(transport.apiClient());
        this.versions = new OpenShiftVersionsApi(transport.apiClient());
        this.roleSets = new PlatformWorkloadIdentityRoleSetsApi(transport.apiClient());
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public OpenShiftCluster get(String resourceGroup, String name) {
        return transport.call(() -> clusters.openShiftClustersGet(API_VERSION, subscription, resourceGroup, name));
    }

    /** The clusters of the subscription. */
    public PagedIterable<OpenShiftCluster> list() {
        return clusterPages(() -> transport.call(() -> clusters.openShiftClustersList(API_VERSION, subscription)));
    }

    /** The clusters of a resource group. */
    public PagedIterable<OpenShiftCluster> list(String resourceGroup) {
        return clusterPages(() -> transport.call(() -> clusters.openShiftClustersListByResourceGroup(API_VERSION, subscription, resourceGroup)));
    }

    /** Starts creating {@code cluster}, or replacing it with {@code cluster} where it exists. */
    public LongRunningOperation<OpenShiftCluster> beginCreateOrUpdate(String resourceGroup, String name, OpenShiftCluster cluster) {
        ApiResponse<OpenShiftCluster> accepted = transport.call(() -> clusters.openShiftClustersCreateOrUpdateWithHttpInfo(API_VERSION, subscription,
                resourceGroup, name, cluster));
        return operation("creating cluster '" + name + "'", accepted.getHeaders(), resourceGroup, name);
    }

    /** Starts updating the properties {@code update} sets (tags, worker count, service principal, ...); the others keep their values. */
    public LongRunningOperation<OpenShiftCluster> beginUpdate(String resourceGroup, String name, OpenShiftClusterUpdate update) {
        ApiResponse<OpenShiftCluster> accepted = transport.call(() -> clusters.openShiftClustersUpdateWithHttpInfo(API_VERSION, subscription,
                resourceGroup, name, update));
        return operation("updating cluster '" + name + "'", accepted.getHeaders(), resourceGroup, name);
    }

    /** Starts deleting the cluster and its Azure resources; a cluster that does not exist is deleted at once. */
    public LongRunningOperation<Void> beginDelete(String resourceGroup, String name) {
        ApiResponse<Void> accepted = transport.call(() -> clusters.openShiftClustersDeleteWithHttpInfo(API_VERSION, subscription, resourceGroup, name));
        return new LongRunningOperation<>("deleting cluster '" + name + "'", transport, headers(accepted.getHeaders()), accepted.getStatusCode() == 204,
                () -> null, pollInterval, operationTimeout);
    }

    /** The kubeadmin user's credentials. */
    public OpenShiftClusterCredentials listCredentials(String resourceGroup, String name) {
        return transport.call(() -> clusters.openShiftClustersListCredentials(API_VERSION, subscription, resourceGroup, name));
    }

    /** The admin kubeconfig. */
    public OpenShiftClusterAdminKubeconfig listAdminCredentials(String resourceGroup, String name) {
        return transport.call(() -> clusters.openShiftClustersListAdminCredentials(API_VERSION, subscription, resourceGroup, name));
    }

    /** The OpenShift versions new clusters in {@code location} may use. */
    public PagedIterable<OpenShiftVersion> listVersions(String location) {
        return new PagedIterable<>(
                () -> versionPage(transport.call(() -> versions.openShiftVersionsList(API_VERSION, subscription, location))),
                next -> versionPage(transport.read(transport.get(URI.create(next)).body(), OpenShiftVersionList.class)));
    }

    /**
     * The platform workload identity role sets of {@code location}: for each OpenShift minor version, the
     * operators a managed identity cluster names an identity for, and the roles they get.
     */
    public PagedIterable<PlatformWorkloadIdentityRoleSet> listPlatformWorkloadIdentityRoleSets(String location) {
        return new PagedIterable<>(
                () -> roleSetPage(transport.call(() -> roleSets.platformWorkloadIdentityRoleSetsList(API_VERSION, subscription, location))),
                next -> roleSetPage(transport.read(transport.get(URI.create(next)).body(), PlatformWorkloadIdentityRoleSetList.class)));
    }

    /** The platform workload identity role set of OpenShift {@code minorVersion} (for example {@code 4.14}) in {@code location}. */
    public PlatformWorkloadIdentityRoleSet getPlatformWorkloadIdentityRoleSet(String location, String minorVersion) {
        return transport.call(() -> roleSets.platformWorkloadIdentityRoleSetGet(API_VERSION, subscription, location, minorVersion));
    }

    /** A create or update the service accepted; without an Azure-AsyncOperation header it ended with the response. */
    private LongRunningOperation<OpenShiftCluster> operation(String what, Map<String, List<String>> headers, String resourceGroup, String name) {
        return new LongRunningOperation<>(what, transport, headers(headers), false, () -> get(resourceGroup, name), pollInterval, operationTimeout);
    }

    private PagedIterable<OpenShiftCluster> clusterPages(Supplier<OpenShiftClusterList> first) {
        return new PagedIterable<>(() -> clusterPage(first.get()),
                next -> clusterPage(transport.read(transport.get(URI.create(next)).body(), OpenShiftClusterList.class)));
    }

    private static PagedIterable.Page<OpenShiftCluster> clusterPage(OpenShiftClusterList list) {
        return new PagedIterable.Page<>(list.getValue(), list.getNextLink() == null ? null : list.getNextLink().toString());
    }

    private static PagedIterable.Page<PlatformWorkloadIdentityRoleSet> roleSetPage(PlatformWorkloadIdentityRoleSetList list) {
        return new PagedIterable.Page<>(list.getValue(), list.getNextLink() == null ? null : list.getNextLink().toString());
    }

    private static PagedIterable.Page<OpenShiftVersion> versionPage(OpenShiftVersionList list) {
        return new PagedIterable.Page<>(list.getValue(), list.getNextLink() == null ? null : list.getNextLink().toString());
    }

    private static HttpHeaders headers(Map<String, List<String>> headers) {
        return HttpHeaders.of(headers == null ? Map.of() : headers, (k, v) -> true);
    }
}
