package io.aro.rp.cli;

import com.azure.resourcemanager.authorization.models.Permission;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.network.models.Subnet;
import io.aro.rp.sdk.fluent.models.OpenShiftVersionInner;
import io.aro.rp.sdk.fluent.models.PlatformWorkloadIdentityRoleSetInner;
import io.aro.rp.sdk.models.PlatformWorkloadIdentityRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a managed identity cluster of an OpenShift version needs before it is created, as az aro works
 * it out: the cluster identity and an identity per operator of the version's role set, each operator's
 * role over the network resources its role's actions touch, the cluster identity's federated credential
 * role over each operator identity, and the RP's first-party service principal's role over the vnet
 * (and Reader over the disk encryption set).
 */
final class RequiredIdentities {
    static final String CLUSTER_IDENTITY = "aro-cluster";
    /** Azure Red Hat OpenShift Federated Credential. */
    static final String FEDERATED_CREDENTIAL_ROLE = "ef318e2a-8334-4a05-9e4a-295a196c6a6e";
    /** Azure Red Hat OpenShift first-party service principal's role over the vnet. */
    static final String FIRST_PARTY_ROLE = "42f3c60f-e7b1-46d7-ba56-6de681664342";
    static final String READER_ROLE = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    /** The RP's first-party application, whose service principal every tenant has. */
    static final String FIRST_PARTY_CLIENT_ID = "f1dd0a37-89c6-4e07-bcd1-ffd3d43d8875";

    /** Who gets a role: a managed identity of the plan (by name), or the RP's first-party service principal. */
    record Assignee(String identity) {
        static final Assignee FIRST_PARTY = new Assignee(null);

        boolean isFirstParty() {
            return identity == null;
        }
    }

    /** Where the identities go: the cluster's resource group and region. */
    record Location(String resourceGroup, String location) {
    }

    /** A role assignment to make: the role definition's ID in the subscription, over a resource ID. */
    record Assignment(Assignee assignee, String roleDefinitionId, String scope) {
    }

    private final List<String> identities;
    private final List<Assignment> assignments;

    private RequiredIdentities(List<String> identities, List<Assignment> assignments) {
        this.identities = List.copyOf(identities);
        this.assignments = List.copyOf(assignments);
    }

    /** The identities to create, in the cluster's resource group: the cluster identity first, then the operators'. */
    List<String> identities() {
        return identities;
    }

    List<Assignment> assignments() {
        return assignments;
    }

    static RequiredIdentities of(AzureSession azure, Location where, String version, String masterSubnetId, String workerSubnetId,
            String vnetId, String diskEncryptionSetId) {
        return of(azure, where, version, masterSubnetId, workerSubnetId, vnetId, diskEncryptionSetId,
                name -> ResourceIds.identity(azure.subscriptionId(), where.resourceGroup(), name));
    }

    /** @param identityIds the resource ID of the identity of a name in the plan (the operator's name, or aro-cluster) */
    static RequiredIdentities of(AzureSession azure, Location where, String version, String masterSubnetId, String workerSubnetId,
            String vnetId, String diskEncryptionSetId, Function<String, String> identityIds) {
        PlatformWorkloadIdentityRoleSetInner roleSet = roleSet(azure, where.location(), version);
        Network vnet = azure.network().networks().getById(vnetId);
        Set<String> routeTables = new LinkedHashSet<>();
        Set<String> natGateways = new LinkedHashSet<>();
        for (String subnetId : List.of(masterSubnetId, workerSubnetId)) {
            Subnet subnet = vnet.subnets().get(subnetId.substring(subnetId.lastIndexOf('/') + 1));
            if (subnet == null) {
                throw CliException.notFound("Subnet " + subnetId + " could not be found.");
            }
            if (subnet.routeTableId() != null) {
                routeTables.add(subnet.routeTableId());
            }
            if (subnet.natGatewayId() != null) {
                natGateways.add(subnet.natGatewayId());
            }
        }

        List<String> identities = new ArrayList<>(List.of(CLUSTER_IDENTITY));
        List<Assignment> assignments = new ArrayList<>();
        String subscriptionId = azure.subscriptionId();
        for (PlatformWorkloadIdentityRole role : roleSet.platformWorkloadIdentityRoles()) {
            identities.add(role.operatorName());
            Assignee operator = new Assignee(role.operatorName());
            String roleDefinitionId = "/subscriptions/" + subscriptionId + role.roleDefinitionId();
            List<String> actions = azure.authorization().roleDefinitions().getById(roleDefinitionId).permissions().stream()
                    .map(Permission::actions).flatMap(List::stream).toList();
            Set<String> scopes = new LinkedHashSet<>();
            boolean onVnet = actions.stream().anyMatch(a -> a.startsWith("Microsoft.Network/virtualNetworks/") && !a.startsWith("Microsoft.Network/virtualNetworks/subnets/"));
            if (onVnet) {
                scopes.add(vnetId);
            } else if (actions.stream().anyMatch(a -> a.startsWith("Microsoft.Network/virtualNetworks/subnets/"))) {
                scopes.add(masterSubnetId);
                scopes.add(workerSubnetId);
            }
            if (actions.stream().anyMatch(a -> a.startsWith("Microsoft.Network/routeTables/"))) {
                scopes.addAll(routeTables);
            }
            if (actions.stream().anyMatch(a -> a.startsWith("Microsoft.Network/natGateways/"))) {
                scopes.addAll(natGateways);
            }
            if (diskEncryptionSetId != null && actions.stream().anyMatch(a -> a.startsWith("Microsoft.Compute/diskEncryptionSets/"))) {
                scopes.add(diskEncryptionSetId);
            }
            scopes.forEach(scope -> assignments.add(new Assignment(operator, roleDefinitionId, scope)));
            assignments.add(new Assignment(new Assignee(CLUSTER_IDENTITY), roleDefinition(subscriptionId, FEDERATED_CREDENTIAL_ROLE),
                    identityIds.apply(role.operatorName())));
        }
        assignments.add(new Assignment(Assignee.FIRST_PARTY, roleDefinition(subscriptionId, FIRST_PARTY_ROLE), vnetId));
        if (diskEncryptionSetId != null) {
            assignments.add(new Assignment(Assignee.FIRST_PARTY, roleDefinition(subscriptionId, READER_ROLE), diskEncryptionSetId));
        }
        return new RequiredIdentities(identities, assignments);
    }

    static String roleDefinition(String subscriptionId, String role) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + role;
    }

    /** The role set of the version's minor version; the version must be one the region installs. */
    static PlatformWorkloadIdentityRoleSetInner roleSet(AzureSession azure, String location, String version) {
        if (version == null) {
            throw new CliException("--version is required: the identities a cluster needs depend on its OpenShift version.", ExitCodes.USAGE);
        }
        boolean installable = azure.aro().serviceClient().getOpenShiftVersions().list(location).stream()
                .map(OpenShiftVersionInner::version).anyMatch(version::equals);
        if (!installable) {
            throw new CliException("--version invalid: " + version + " is not installable in " + location + " (see 'aro get-versions').");
        }
        return azure.aro().serviceClient().getPlatformWorkloadIdentityRoleSets().list(location).stream()
                .filter(set -> version.startsWith(set.openShiftVersion() + ".")).findFirst()
                .orElseThrow(() -> new CliException("Could not find identity requirements for OpenShift version " + version + "."));
    }
}
