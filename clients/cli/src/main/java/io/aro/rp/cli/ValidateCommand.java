package io.aro.rp.cli;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.authorization.models.ServicePrincipal;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.network.models.Subnet;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.aro.rp.sdk.fluent.models.OpenShiftVersionInner;
import io.aro.rp.sdk.models.PlatformWorkloadIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The client-side checks az aro validate runs before a create: the vnet and subnets exist, the
 * networks do not overlap, the version is installable, and the cluster's service principal (or its
 * managed identities) and the RP's first-party service principal hold their roles.
 */
@Command(name = "validate", description = "Validate permissions required to create a cluster.")
final class ValidateCommand extends AroSubcommand {
    /** Network Contributor, what a service principal cluster's principals need over the vnet and its route tables. */
    static final String NETWORK_CONTRIBUTOR_ROLE = "4d97b98b-1d4f-4787-a291-c67834d212e7";

    /** A finding, in the columns az prints: what, which, how bad, why. */
    record Issue(String type, String name, String severity, String description) {
    }

    @Mixin
    ClusterName cluster;
    @Mixin
    NetworkOptions network;
    @Mixin
    ClusterOptions options;
    @Mixin
    IdentityOptions identities;


    private final List<Issue> issues = new ArrayList<>();

    @Override
    void execute() {
        AzureSession azure = session();
        String subscriptionId = azure.subscriptionId();
        String masterSubnetId = network.masterSubnetId(subscriptionId, cluster.resourceGroup);
        String workerSubnetId = network.workerSubnetId(subscriptionId, cluster.resourceGroup);
        String vnetId = ResourceIds.vnetOf(masterSubnetId);
        String region = options.location(azure, cluster.resourceGroup);

        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("--pod-cidr " + options.podCidr, options.podCidr);
        prefixes.put("--service-cidr " + options.serviceCidr, options.serviceCidr);
        Network vnet = checkNetwork(azure, vnetId, List.of(masterSubnetId, workerSubnetId), prefixes);
        checkOverlaps(prefixes);
        boolean versionFound = options.version == null || checkVersion(azure, region);

        if (vnet != null) {
            if (options.managedIdentity && identities.any() && versionFound && options.version != null) {
                checkIdentityRoles(azure, region, masterSubnetId, workerSubnetId, vnetId);
            } else if (!options.managedIdentity) {
                checkServicePrincipalRoles(azure, vnetId, vnet);
            }
        }
        report();
    }

    /**
     * The vnet and both subnets exist; their address prefixes join the ones that must not overlap.
     *
     * @return the vnet as read, or null when it or a subnet is missing
     */
    private Network checkNetwork(AzureSession azure, String vnetId, List<String> subnetIds, Map<String, String> prefixes) {
        Network vnet;
        try {
            vnet = azure.network().networks().getById(vnetId);
        } catch (ManagementException e) {
            issues.add(new Issue("Vnet", vnetId, "Error", "The virtual network could not be read: " + e.getValue().getMessage()));
            return null;
        }
        boolean found = true;
        for (String subnetId : subnetIds) {
            Subnet subnet = vnet.subnets().get(subnetId.substring(subnetId.lastIndexOf('/') + 1));
            if (subnet == null) {
                issues.add(new Issue("Subnet", subnetId, "Error", "The subnet could not be found in the virtual network."));
                found = false;
            } else if (subnet.addressPrefix() != null) {
                prefixes.put("subnet " + subnet.name() + " " + subnet.addressPrefix(), subnet.addressPrefix());
            }
        }
        return found ? vnet : null;
    }

    private void checkOverlaps(Map<String, String> prefixes) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(prefixes.entrySet());
        List<IPAddress> addresses = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            IPAddress address = new IPAddressString(entry.getValue()).getAddress();
            if (address == null) {
                issues.add(new Issue("CIDR", entry.getKey(), "Error", entry.getValue() + " is not a CIDR."));
                return;
            }
            addresses.add(address.toPrefixBlock());
        }
        for (int i = 0; i < addresses.size(); i++) {
            for (int j = i + 1; j < addresses.size(); j++) {
                if (addresses.get(i).overlaps(addresses.get(j))) {
                    issues.add(new Issue("CIDR", entries.get(i).getKey(), "Error", entries.get(i).getKey() + " is not valid as it overlaps with "
                            + entries.get(j).getKey()));
                }
            }
        }
    }

    private boolean checkVersion(AzureSession azure, String region) {
        boolean installable = azure.aro().serviceClient().getOpenShiftVersions().list(region).stream().map(OpenShiftVersionInner::version)
                .anyMatch(options.version::equals);
        if (!installable) {
            issues.add(new Issue("Version", options.version, "Error", options.version + " is not a version " + region + " installs (see 'aro get-versions')."));
        }
        return installable;
    }

    /** The cluster's service principal and the RP's hold Network Contributor over the vnet and the subnets' route tables. */
    private void checkServicePrincipalRoles(AzureSession azure, String vnetId, Network vnet) {
        Map<String, String> principals = new LinkedHashMap<>();
        principals.put("Azure Red Hat OpenShift RP", RequiredIdentities.FIRST_PARTY_CLIENT_ID);
        if (options.clientId != null) {
            principals.put("cluster service principal " + options.clientId, options.clientId);
        }
        List<String> scopes = new ArrayList<>(List.of(vnetId));
        vnet.subnets().values().stream().filter(s -> s.routeTableId() != null).map(Subnet::routeTableId).distinct().forEach(scopes::add);
        principals.forEach((name, appId) -> {
            ServicePrincipal principal = azure.authorization().servicePrincipals().getByName(appId);
            if (principal == null) {
                issues.add(new Issue("Service principal", name, "Error", "No service principal has the client ID " + appId + "."));
                return;
            }
            scopes.forEach(scope -> requireRole(azure, name, principal.id(), RequiredIdentities.roleDefinition(azure.subscriptionId(),
                    NETWORK_CONTRIBUTOR_ROLE), scope));
        });
    }

    /** Each identity (and the RP's first-party service principal) holds what 'aro identity create-required' would assign. */
    private void checkIdentityRoles(AzureSession azure, String region, String masterSubnetId, String workerSubnetId, String vnetId) {
        String subscriptionId = azure.subscriptionId();
        Map<String, String> identityIds = new LinkedHashMap<>();
        if (identities.clusterIdentity != null) {
            identityIds.put(RequiredIdentities.CLUSTER_IDENTITY, ResourceIds.identity(subscriptionId, cluster.resourceGroup, identities.clusterIdentity));
        }
        Map<String, PlatformWorkloadIdentity> operators = identities.platformWorkloadIdentities(subscriptionId, cluster.resourceGroup);
        if (operators != null) {
            operators.forEach((operator, identity) -> identityIds.put(operator, identity.resourceId()));
        }
        RequiredIdentities required = RequiredIdentities.of(azure, new RequiredIdentities.Location(cluster.resourceGroup, region), options.version,
                masterSubnetId, workerSubnetId, vnetId, options.diskEncryptionSet, name -> identityIds.getOrDefault(name, name));
        Map<String, String> principals = new LinkedHashMap<>();
        for (String name : required.identities()) {
            String id = identityIds.get(name);
            if (id == null) {
                issues.add(new Issue("Identity", name, "Error", name.equals(RequiredIdentities.CLUSTER_IDENTITY) ? "No cluster identity is given."
                        : "No platform workload identity is given for the operator " + name + "."));
                continue;
            }
            try {
                principals.put(name, azure.identities().identities().getById(id).principalId());
            } catch (ManagementException e) {
                issues.add(new Issue("Identity", id, "Error", "The identity could not be read: " + e.getValue().getMessage()));
            }
        }
        ServicePrincipal firstParty = azure.authorization().servicePrincipals().getByName(RequiredIdentities.FIRST_PARTY_CLIENT_ID);
        for (RequiredIdentities.Assignment assignment : required.assignments()) {
            if (assignment.assignee().isFirstParty()) {
                if (firstParty != null) {
                    requireRole(azure, "Azure Red Hat OpenShift RP", firstParty.id(), assignment.roleDefinitionId(), assignment.scope());
                }
            } else if (principals.containsKey(assignment.assignee().identity())) {
                requireRole(azure, assignment.assignee().identity(), principals.get(assignment.assignee().identity()), assignment.roleDefinitionId(),
                        assignment.scope());
            }
        }
    }

    /** A role assignment of the principal applies at the scope (made there or above it). */
    private void requireRole(AzureSession azure, String name, String principalId, String roleDefinitionId, String scope) {
        String role = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
        boolean held = false;
        for (RoleAssignment assignment : azure.authorization().roleAssignments().listByScope(scope)) {
            if (principalId.equalsIgnoreCase(assignment.principalId()) && assignment.roleDefinitionId().toLowerCase(Locale.ROOT).endsWith("/" + role.toLowerCase(Locale.ROOT))) {
                held = true;
                break;
            }
        }
        if (!held) {
            issues.add(new Issue("Permissions", name, "Error", name + " does not have the role " + role + " over " + scope + "."));
        }
    }

    /** As az: warnings on standard error, errors as a table in a failure. */
    private void report() {
        List<Issue> errors = issues.stream().filter(i -> !i.severity().equals("Warning")).toList();
        issues.stream().filter(i -> i.severity().equals("Warning")).forEach(w -> warn(w.description()));
        if (!errors.isEmpty()) {
            StringBuilder table = new StringBuilder("The following errors are fatal and will block cluster creation:");
            errors.forEach(e -> table.append("\n").append(String.join(" | ", e.type(), e.name(), e.severity(), e.description())));
            throw new CliException(table.toString());
        }
    }
}
