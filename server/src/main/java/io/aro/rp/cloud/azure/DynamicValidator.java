package io.aro.rp.cloud.azure;

import static io.aro.rp.cloud.azure.ArmErrors.failure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.fluent.models.PermissionInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.ServiceEndpointPropertiesFormat;
import com.azure.resourcemanager.network.models.VirtualNetworkPrivateLinkServiceNetworkPolicies;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PreconfiguredNSG;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.api.validate.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * ARO's dynamic validation, in the backend at the start of an install or update: the service
 * principal's credentials work; it (for a service principal cluster) and the RP's identity may join, read and write the vnet; the vnet is
 * in the cluster's region; the subnets exist, are /27 or larger, have the Microsoft.ContainerRegistry
 * service endpoint, carry no foreign NSG on create, the master subnet has private link service network
 * policies disabled; and no two of the subnets, the pod and the service CIDR overlap. Each failure is
 * ARO's CloudError with a message that says what to fix.
 */
final class DynamicValidator {
    static final List<String> NETWORK_ACTIONS = List.of(
            "Microsoft.Network/virtualNetworks/join/action",
            "Microsoft.Network/virtualNetworks/read",
            "Microsoft.Network/virtualNetworks/write",
            "Microsoft.Network/virtualNetworks/subnets/join/action",
            "Microsoft.Network/virtualNetworks/subnets/read",
            "Microsoft.Network/virtualNetworks/subnets/write");
    private static final int MAX_SUBNET_PREFIX = 27;

    private final AzureCloudSettings settings;

    DynamicValidator(AzureCloudSettings settings) {
        this.settings = settings;
    }

    /**
     * @param servicePrincipal the cluster's service principal, or null for a managed identity cluster: then {@code asServicePrincipal}
     *     is the RP too, and only the RP's permissions are checked
     */
    void validate(OpenShiftCluster cluster, ClusterResources names, boolean isCreate, TokenCredential servicePrincipal,
            ArmClients asServicePrincipal, ArmClients asResourceProvider) {
        if (servicePrincipal != null) {
            AccessTokens.servicePrincipalToken(servicePrincipal, settings.scope());
        }
        String masterSubnetId = cluster.getProperties().getMasterProfile().getSubnetId();
        ResourceId vnet = ResourceId.fromString(masterSubnetId).parent();
        if (!vnet.subscriptionId().equalsIgnoreCase(names.subscriptionId())) {
            throw failure("InvalidLinkedVNet", String.format("The vnet '%s' must be in the cluster's subscription '%s'.", vnet.id(),
                    names.subscriptionId()), "properties.masterProfile.subnetId");
        }
        if (servicePrincipal != null) {
            requirePermissions(asServicePrincipal, vnet, "InvalidServicePrincipalPermissions",
                    "The cluster service principal does not have Network Contributor permission on vnet '%s'.");
        }
        requirePermissions(asResourceProvider, vnet, "InvalidResourceProviderPermissions",
                "The resource provider does not have Network Contributor permission on vnet '%s'.");

        VirtualNetworkInner network = read(vnet.id(), () -> asServicePrincipal.network().getVirtualNetworks()
                .getByResourceGroup(vnet.resourceGroupName(), vnet.name()));
        if (!normalise(network.location()).equals(normalise(cluster.getLocation()))) {
            throw failure("InvalidLinkedVNet", String.format("The vnet location '%s' must match the cluster location '%s'.",
                    network.location(), cluster.getLocation()), "properties.masterProfile.subnetId");
        }

        Map<String, Cidr> ranges = new LinkedHashMap<>();
        SubnetInner master = subnet(asServicePrincipal, masterSubnetId, "properties.masterProfile.subnetId", cluster, isCreate, names.masterNsgId());
        if (master.privateLinkServiceNetworkPolicies() != VirtualNetworkPrivateLinkServiceNetworkPolicies.DISABLED) {
            throw failure("InvalidLinkedVNet", String.format(
                    "The master subnet '%s' is invalid: it must have privateLinkServiceNetworkPolicies disabled.", masterSubnetId),
                    "properties.masterProfile.subnetId");
        }
        ranges.put(masterSubnetId, Cidr.parse(prefix(master)));
        List<WorkerProfile> workers = cluster.getProperties().getWorkerProfiles();
        for (int i = 0; i < workers.size(); i++) {
            String id = workers.get(i).getSubnetId();
            if (!ranges.containsKey(id)) {
                ranges.put(id, Cidr.parse(prefix(subnet(asServicePrincipal, id, "properties.workerProfiles[" + i + "].subnetId", cluster, isCreate,
                        names.workerNsgId()))));
            }
        }
        ranges.put("the pod CIDR", Cidr.parse(cluster.getProperties().getNetworkProfile().getPodCidr()));
        ranges.put("the service CIDR", Cidr.parse(cluster.getProperties().getNetworkProfile().getServiceCidr()));
        List<String> labels = new ArrayList<>(ranges.keySet());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (ranges.get(labels.get(i)).overlaps(ranges.get(labels.get(j)))) {
                    throw failure("InvalidLinkedVNet", String.format("The provided CIDRs must not overlap: '%s' (%s) overlaps with '%s' (%s).",
                            labels.get(i), ranges.get(labels.get(i)), labels.get(j), ranges.get(labels.get(j))), null);
                }
            }
        }
    }

    private SubnetInner subnet(ArmClients clients, String subnetId, String target, OpenShiftCluster cluster, boolean isCreate, String clusterNsgId) {
        ResourceId id = ResourceId.fromString(subnetId);
        SubnetInner subnet;
        try {
            subnet = clients.network().getSubnets().get(id.resourceGroupName(), id.parent().name(), id.name());
        } catch (ManagementException e) {
            throw ArmErrors.isNotFound(e) ? failure("InvalidLinkedVNet", String.format("The subnet '%s' could not be found.", subnetId), target)
                    : forbiddenOr(e, id.parent().id());
        }
        if (Cidr.parse(prefix(subnet)).prefixLength() > MAX_SUBNET_PREFIX) {
            throw failure("InvalidLinkedVNet", String.format("The subnet '%s' is invalid: it must be /27 or larger.", subnetId), target);
        }
        boolean registry = subnet.serviceEndpoints() != null && subnet.serviceEndpoints().stream()
                .map(ServiceEndpointPropertiesFormat::service).anyMatch("Microsoft.ContainerRegistry"::equalsIgnoreCase);
        if (!registry) {
            throw failure("InvalidLinkedVNet", String.format(
                    "The subnet '%s' is invalid: it must have the Microsoft.ContainerRegistry service endpoint.", subnetId), target);
        }
        boolean preconfigured = cluster.getProperties().getNetworkProfile().getPreconfiguredNSG() == PreconfiguredNSG.ENABLED;
        // The cluster's own NSG may be there on create: an install that attached it and then crashed runs its phase again.
        if (isCreate && !preconfigured && subnet.networkSecurityGroup() != null && !clusterNsgId.equalsIgnoreCase(subnet.networkSecurityGroup().id())) {
            throw failure("InvalidLinkedVNet", String.format(
                    "The subnet '%s' is invalid: it must not have a network security group attached (or set preconfiguredNSG to Enabled).", subnetId),
                    target);
        }
        if (!isCreate && !preconfigured && (subnet.networkSecurityGroup() == null || !clusterNsgId.equalsIgnoreCase(subnet.networkSecurityGroup().id()))) {
            throw failure("InvalidLinkedVNet", String.format(
                    "The subnet '%s' is invalid: it must have the cluster's network security group '%s' attached.", subnetId, clusterNsgId), target);
        }
        return subnet;
    }

    private void requirePermissions(ArmClients clients, ResourceId vnet, String code, String message) {
        List<PermissionInner> permissions;
        try {
            permissions = new ArrayList<>();
            clients.authorization().getPermissions().listForResource(vnet.resourceGroupName(), "Microsoft.Network", "", "virtualNetworks", vnet.name())
                    .forEach(permissions::add);
        } catch (ManagementException e) {
            if (ArmErrors.status(e) == 403 || ArmErrors.isNotFound(e)) {
                throw failure(code, String.format(message, vnet.id()), null);
            }
            throw ArmErrors.translate(e, "reading the permissions on vnet '" + vnet.id() + "'");
        }
        for (String action : NETWORK_ACTIONS) {
            if (!allowed(permissions, action)) {
                throw failure(code, String.format(message, vnet.id()), null);
            }
        }
    }

    /** Whether some permission grants {@code action} (actions are globs) and none of its notActions takes it away. */
    static boolean allowed(List<PermissionInner> permissions, String action) {
        for (PermissionInner p : permissions) {
            if (matchesAny(p.actions(), action) && !matchesAny(p.notActions(), action)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(List<String> globs, String action) {
        if (globs == null) {
            return false;
        }
        for (String glob : globs) {
            Pattern pattern = Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
            if (pattern.matcher(action).matches()) {
                return true;
            }
        }
        return false;
    }

    private static <T> T read(String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (ManagementException e) {
            if (ArmErrors.isNotFound(e)) {
                throw failure("InvalidLinkedVNet", String.format("The vnet '%s' could not be found.", id), "properties.masterProfile.subnetId");
            }
            throw forbiddenOr(e, id);
        }
    }

    /** A 403 reading the customer's network means the service principal lacks permission on it. */
    private static RuntimeException forbiddenOr(ManagementException e, String id) {
        if (ArmErrors.status(e) == 403) {
            return failure("InvalidServicePrincipalPermissions",
                    String.format("The cluster service principal does not have Network Contributor permission on vnet '%s'.", id), null);
        }
        return ArmErrors.translate(e, "reading '" + id + "'");
    }

    private static String prefix(SubnetInner subnet) {
        return subnet.addressPrefix() != null ? subnet.addressPrefix() : subnet.addressPrefixes().get(0);
    }

    private static String normalise(String location) {
        return location == null ? "" : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
