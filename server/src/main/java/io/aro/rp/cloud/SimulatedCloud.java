package io.aro.rp.cloud;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.WorkerProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A SIMULATED Azure, for local runs (ARO_CLOUD=simulated) and tests: nothing reaches Azure. The
 * resources a cluster would have are kept in {@link SimulatedResources}, so that several RP processes
 * share one cloud and a killed process loses nothing, and every creation and deletion is journaled.
 */
public final class SimulatedCloud implements ClusterCloud, ClusterAzureResources, WorkloadIdentityCloud {
    /** Where the simulated OIDC issuers are. */
    static final String OIDC_ENDPOINT = "https://oidc.simulated.invalid";

    private final SimulatedResources resources;
    private final Duration stepDelay;

    /**
     * @param stepDelay how long each call takes, to watch a lifecycle (or interrupt one) in real time
     */
    public SimulatedCloud(SimulatedResources resources, Duration stepDelay) {
        this.resources = resources;
        this.stepDelay = stepDelay;
    }

    @Override
    public void validate(OpenShiftCluster cluster, boolean isCreate) {
        Simulation.pause(stepDelay);
    }

    @Override
    public void createResourceGroup(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        String group = group(cluster);
        String managedBy = cluster.getId().toLowerCase(Locale.ROOT);
        if (!resources.create(group, "Microsoft.Resources/resourceGroups", Map.of("managedBy", managedBy))
                && !managedBy.equals(resources.read(group).map(g -> g.path("managedBy").asText()).orElse(managedBy))) {
            throw new CloudError(400, new CloudErrorBody("ClusterResourceGroupAlreadyExists",
                    "Resource group '" + group + "' must not already exist.", "properties.clusterProfile.resourceGroupId", null)).toException();
        }
    }

    @Override
    public void deployStorage(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        String group = group(cluster);
        resources.create(group + "/providers/Microsoft.Storage/storageAccounts/cluster" + cluster.getProperties().getStorageSuffix(), "storageAccount",
                Map.of());
        resources.create(group + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId(cluster) + "-nsg", "networkSecurityGroup", Map.of());
        resources.create(group + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId(cluster) + "-node-nsg", "networkSecurityGroup", Map.of());
    }

    @Override
    public void attachSecurityGroups(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        resources.create(cluster.getProperties().getMasterProfile().getSubnetId() + "/networkSecurityGroupAssociation", "association",
                Map.of("networkSecurityGroup", infraId(cluster) + "-nsg"));
        for (WorkerProfile worker : cluster.getProperties().getWorkerProfiles()) {
            resources.create(worker.getSubnetId() + "/networkSecurityGroupAssociation", "association",
                    Map.of("networkSecurityGroup", infraId(cluster) + "-node-nsg"));
        }
    }

    @Override
    public void grantServicePrincipalRole(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        String clientId = cluster.getProperties().getServicePrincipalProfile().getClientId().toLowerCase(Locale.ROOT);
        resources.create(group(cluster) + "/providers/Microsoft.Authorization/roleAssignments/" + clientId, "roleAssignment", Map.of());
    }

    @Override
    public void createDns(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        resources.create(group(cluster) + "/providers/Microsoft.Network/dnszones/" + domain.substring(domain.indexOf('.') + 1), "dnsZone", Map.of());
    }

    @Override
    public List<String> machineNetworks(OpenShiftCluster cluster) {
        return List.of("10.0.0.0/23", "10.0.2.0/23");
    }

    @Override
    public String apiServerIp(OpenShiftCluster cluster) {
        return Simulation.ip(infraId(cluster), 1);
    }

    @Override
    public void update(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        if (!cluster.usesWorkloadIdentity()) {
            grantServicePrincipalRole(cluster);
        }
    }

    @Override
    public void delete(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        resources.delete(cluster.getProperties().getMasterProfile().getSubnetId() + "/networkSecurityGroupAssociation");
        for (WorkerProfile worker : cluster.getProperties().getWorkerProfiles()) {
            resources.delete(worker.getSubnetId() + "/networkSecurityGroupAssociation");
        }
        String group = group(cluster).toLowerCase(Locale.ROOT);
        for (String id : resources.ids()) {
            if (id.startsWith(group + "/")) {
                resources.delete(id);
            }
        }
        resources.delete(group);
    }

    /** The IDs Azure would give an identity: derived from its resource ID, the same on every call. */
    @Override
    public ManagedIdentityIds identityIds(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        Map<String, IdentityIds> operators = new LinkedHashMap<>();
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> operators.put(operator, ids(identity.getResourceId())));
        return new ManagedIdentityIds(ids(cluster.getIdentity().clusterIdentityId()), operators);
    }

    @Override
    public String publishOidcIssuer(OpenShiftCluster cluster, ServiceAccountIssuer issuer) {
        Simulation.pause(stepDelay);
        String url = OIDC_ENDPOINT + "/" + oidcDirectory(cluster);
        resources.replace(url + "/" + ServiceAccountIssuer.DISCOVERY_PATH, "oidcDocument", Map.of("content", issuer.discoveryDocument(url)));
        resources.replace(url + "/" + ServiceAccountIssuer.JWKS_PATH, "oidcDocument", Map.of("content", issuer.jwks()));
        return url;
    }

    @Override
    public void federateOperatorIdentities(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        Simulation.pause(stepDelay);
        String issuer = cluster.getProperties().getClusterProfile().getOidcIssuer();
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) ->
                roleSet.role(operator).ifPresent(role -> role.getServiceAccounts().forEach(subject ->
                        resources.replace(identity.getResourceId() + "/federatedIdentityCredentials/" + FederatedCredentials.name(cluster, subject),
                                "federatedIdentityCredential", Map.of("issuer", issuer, "subject", subject, "audience", FederatedCredentials.AUDIENCE)))));
    }

    @Override
    public void grantOperatorRoles(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        Simulation.pause(stepDelay);
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) ->
                roleSet.role(operator).ifPresent(role -> resources.create(group(cluster) + "/providers/Microsoft.Authorization/roleAssignments/"
                        + ids(identity.getResourceId()).principalId() + "-" + role.getRoleDefinitionId().substring(role.getRoleDefinitionId().lastIndexOf('/') + 1),
                        "roleAssignment", Map.of("roleDefinitionId", role.getRoleDefinitionId()))));
    }

    @Override
    public ClusterIdentityCertificate clusterIdentityCertificate(OpenShiftCluster cluster) {
        return new ClusterIdentityCertificate(ids(cluster.getIdentity().clusterIdentityId()).clientId(), cluster.getIdentity().getTenantId(), new byte[0]);
    }

    @Override
    public void deleteWorkloadIdentity(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        var pwip = cluster.getProperties().getPlatformWorkloadIdentityProfile();
        for (String id : resources.ids()) {
            boolean credential = pwip.getPlatformWorkloadIdentities().values().stream().anyMatch(identity ->
                    id.startsWith((identity.getResourceId() + "/federatedIdentityCredentials/" + FederatedCredentials.prefix(cluster)).toLowerCase(Locale.ROOT)));
            if (credential || id.startsWith((OIDC_ENDPOINT + "/" + oidcDirectory(cluster) + "/").toLowerCase(Locale.ROOT))) {
                resources.delete(id);
            }
        }
    }

    private static IdentityIds ids(String resourceId) {
        String key = resourceId.toLowerCase(Locale.ROOT);
        return new IdentityIds(UUID.nameUUIDFromBytes(("client|" + key).getBytes(StandardCharsets.UTF_8)).toString(),
                UUID.nameUUIDFromBytes(("principal|" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The issuer's directory: the cluster's infrastructure ID, unique and fixed at its first install step. */
    static String oidcDirectory(OpenShiftCluster cluster) {
        return cluster.getProperties().getInfraId();
    }

    @Override
    public List<AzureResource> resources(OpenShiftCluster cluster) {
        String prefix = group(cluster).toLowerCase(Locale.ROOT) + "/providers/";
        return resources.ids().stream().filter(id -> id.startsWith(prefix)).sorted()
                .map(id -> new AzureResource(id, id.substring(id.lastIndexOf('/') + 1), typeOf(id), cluster.getLocation())).toList();
    }

    @Override
    public void virtualMachineAction(OpenShiftCluster cluster, String vmName, VirtualMachineAction action) {
        Simulation.pause(stepDelay);
        String id = group(cluster) + "/providers/Microsoft.Compute/virtualMachines/" + vmName;
        if (resources.read(id).isEmpty()) {
            throw new CloudError(404, new CloudErrorBody("ResourceNotFound", "The virtual machine '" + vmName + "' of the cluster was not found.",
                    null, null)).toException();
        }
        resources.replace(id, "Microsoft.Compute/virtualMachines", Map.of("lastAction", action.armAction()));
    }

    private static String typeOf(String id) {
        String[] parts = id.substring(id.indexOf("/providers/") + "/providers/".length()).split("/");
        StringBuilder type = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            type.append('/').append(parts[i]);
        }
        return type.toString();
    }

    private static String group(OpenShiftCluster cluster) {
        return cluster.getProperties().getClusterProfile().getResourceGroupId();
    }

    private static String infraId(OpenShiftCluster cluster) {
        return cluster.getProperties().getInfraId();
    }

    /** What the simulated cloud and installer share: their pace and the addresses they make up. */
    static final class Simulation {
        private Simulation() {
        }

        static void pause(Duration delay) {
            if (delay.isZero()) {
                return;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientCloudException("interrupted", e);
            }
        }

        /** A public-looking address derived from {@code seed}, the same on every call. */
        static String ip(String seed, int host) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
                return "20." + (hash[0] & 0x7f) + "." + (hash[1] & 0xff) + "." + (host * 10 + (hash[2] & 0x07));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
