package io.aro.rp.cloud.azure;

import static io.aro.rp.cloud.azure.ArmErrors.absentAsNull;
import static io.aro.rp.cloud.azure.ArmErrors.failure;
import static io.aro.rp.cloud.azure.ArmErrors.translated;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.dns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.dns.fluent.models.ZoneInner;
import com.azure.resourcemanager.dns.models.NsRecord;
import com.azure.resourcemanager.dns.models.RecordType;
import com.azure.resourcemanager.network.fluent.models.LoadBalancerInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceExpandedInner;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import com.azure.resourcemanager.resources.models.ResourceGroupPatchable;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.PreconfiguredNSG;
import io.aro.rp.api.Visibility;
import io.aro.rp.cloud.ClusterAzureResources;
import io.aro.rp.cloud.ClusterCloud;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production cloud: drives a cluster's Azure resources through ARM with the Azure SDK for Java, as
 * the RP's own identity, and validates the customer's network as the cluster's service principal.
 *
 * <p>Every call reads before it writes, so that a step that runs again (after a crash or a lost lease)
 * sends no second PUT for what exists: a deployment that succeeded with the same parameters is not
 * repeated, an NSG already attached is not attached again, a role assignment that exists is kept.
 * Deleting what is gone (404) succeeds.
 */
public final class AzureClusterCloud implements ClusterCloud, ClusterAzureResources {
    private static final Logger LOG = LoggerFactory.getLogger(AzureClusterCloud.class);
    /** The built-in Contributor role, which the cluster's service principal holds on the managed resource group. */
    static final String CONTRIBUTOR_ROLE = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private static final Map<String, Object> STORAGE_TEMPLATE = TemplateDeployments.template("storage.json");
    /** The compute API the admin API's virtual machine actions are called with. */
    static final String COMPUTE_API_VERSION = "2024-07-01";
    /** How long resolvers keep the delegation of a cluster's zone. */
    private static final long DELEGATION_TTL_SECONDS = 3600;

    private final TokenCredential identity;
    private final ServicePrincipals servicePrincipals;
    private final AzureCloudSettings settings;
    private final HttpClient httpClient = HttpClient.createDefault();
    private final LongRunningOperations operations;
    private final TemplateDeployments deployments;
    private final DynamicValidator validator;
    private final Map<String, ArmClients> bySubscription = new ConcurrentHashMap<>();

    /**
     * @param identity the RP's own identity, which creates and deletes the cluster's resources
     * @param servicePrincipals the credential of each cluster's service principal
     */
    public AzureClusterCloud(TokenCredential identity, ServicePrincipals servicePrincipals, AzureCloudSettings settings) {
        this.identity = identity;
        this.servicePrincipals = servicePrincipals;
        this.settings = settings;
        this.operations = new LongRunningOperations(settings);
        this.deployments = new TemplateDeployments(operations);
        this.validator = new DynamicValidator(settings);
    }

    @Override
    public void validate(OpenShiftCluster cluster, boolean isCreate) {
        ClusterResources names = ClusterResources.of(cluster);
        if (cluster.usesWorkloadIdentity()) {
            // the operators' identities hold the network roles, and ARM lists permissions of the caller only: the RP reads the network
            validator.validate(cluster, names, isCreate, null, rp(names), rp(names));
            return;
        }
        TokenCredential servicePrincipal = servicePrincipals.of(cluster);
        validator.validate(cluster, names, isCreate, servicePrincipal,
                ArmClients.connect(httpClient, servicePrincipal, names.subscriptionId(), settings), rp(names));
    }

    @Override
    public void createResourceGroup(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        var groups = rp(names).resources().getResourceGroups();
        ResourceGroupInner existing = absentAsNull(() -> groups.get(names.group()), "reading resource group '" + names.group() + "'");
        if (existing != null) {
            if (!cluster.getId().equalsIgnoreCase(existing.managedBy())) {
                throw failure("ClusterResourceGroupAlreadyExists", "Resource group '" + names.groupId()
                        + "' must not already exist.", "properties.clusterProfile.resourceGroupId");
            }
            return;
        }
        translated(() -> groups.createOrUpdate(names.group(), new ResourceGroupInner().withLocation(cluster.getLocation())
                .withManagedBy(cluster.getId()).withTags(tags(cluster))), "creating resource group '" + names.group() + "'");
    }

    @Override
    public void deployStorage(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        OpenShiftClusterProperties properties = cluster.getProperties();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("storageAccountName", names.storageAccount());
        parameters.put("infraId", names.infraId());
        parameters.put("apiServerVisibility", properties.getApiserverProfile().getVisibility().toString());
        parameters.put("ingressVisibility", properties.getIngressProfiles().get(0).getVisibility().toString());
        deployments.deploy(rp(names).deployments(), names.group(), "storage", STORAGE_TEMPLATE, parameters);
    }

    @Override
    public void attachSecurityGroups(OpenShiftCluster cluster) {
        if (preconfiguredNsg(cluster)) {
            return; // the customer's own NSGs stay on their subnets
        }
        ClusterResources names = ClusterResources.of(cluster);
        ArmClients rp = rp(names);
        attach(rp, cluster.getProperties().getMasterProfile().getSubnetId(), names.masterNsgId());
        for (String subnet : workerSubnets(cluster)) {
            attach(rp, subnet, names.workerNsgId());
        }
    }

    @Override
    public void grantServicePrincipalRole(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        grantServicePrincipalRole(cluster, names, rp(names));
    }

    @Override
    public void createDns(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        var zones = rp(names).dns().getZones();
        String what = "creating DNS zone '" + names.baseDomainZone() + "' in resource group '" + names.group() + "'";
        ZoneInner zone = absentAsNull(() -> zones.getByResourceGroup(names.group(), names.baseDomainZone()), what);
        if (zone == null) {
            zone = translated(() -> zones.createOrUpdate(names.group(), names.baseDomainZone(), new ZoneInner().withLocation("global")), what);
        }
        if (isManagedDomain(names)) {
            delegate(names, zone.nameServers());
        }
    }

    @Override
    public List<String> machineNetworks(OpenShiftCluster cluster) {
        ArmClients rp = rp(ClusterResources.of(cluster));
        List<String> networks = new ArrayList<>();
        for (String subnetId : allSubnets(cluster)) {
            ResourceId id = ResourceId.fromString(subnetId);
            SubnetInner subnet = translated(() -> rp.network().getSubnets().get(id.resourceGroupName(), id.parent().name(), id.name()),
                    "reading subnet '" + subnetId + "'");
            String prefix = subnet.addressPrefix() != null ? subnet.addressPrefix()
                    : subnet.addressPrefixes() == null || subnet.addressPrefixes().isEmpty() ? null : subnet.addressPrefixes().get(0);
            if (prefix != null && !networks.contains(prefix)) {
                networks.add(prefix);
            }
        }
        return networks;
    }

    @Override
    public String apiServerIp(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        if (names.installerInfraId() == null) {
            throw new IllegalStateException("the installer's infrastructure ID is not known yet");
        }
        var network = rp(names).network();
        if (cluster.getProperties().getApiserverProfile().getVisibility() == Visibility.PRIVATE) {
            String name = names.installerInfraId() + "-internal";
            LoadBalancerInner lb = translated(() -> network.getLoadBalancers().getByResourceGroup(names.group(), name),
                    "reading load balancer '" + name + "'");
            return lb.frontendIpConfigurations() == null ? null : lb.frontendIpConfigurations().stream().map(f -> f.privateIpAddress())
                    .filter(ip -> ip != null).findFirst().orElse(null);
        }
        String name = names.installerInfraId() + "-pip-v4";
        PublicIpAddressInner ip = translated(() -> network.getPublicIpAddresses().getByResourceGroup(names.group(), name),
                "reading public IP address '" + name + "'");
        return ip.ipAddress();
    }

    @Override
    public void update(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        ArmClients rp = rp(names);
        var groups = rp.resources().getResourceGroups();
        ResourceGroupInner group = translated(() -> groups.get(names.group()), "reading resource group '" + names.group() + "'");
        Map<String, String> tags = tags(cluster);
        if (!tags.equals(group.tags() == null ? Map.of() : group.tags())) {
            translated(() -> groups.update(names.group(), new ResourceGroupPatchable().withTags(tags)),
                    "tagging resource group '" + names.group() + "'");
        }
        if (!cluster.usesWorkloadIdentity()) {
            grantServicePrincipalRole(cluster, names, rp); // a rotated service principal may be a new one
        }
    }

    @Override
    public void delete(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        ArmClients rp = rp(names);
        var groups = rp.resources().getResourceGroups();
        ResourceGroupInner group = absentAsNull(() -> groups.get(names.group()), "reading resource group '" + names.group() + "'");
        // A group that exists but is not the cluster's was refused at install: it is the customer's and stays.
        boolean ours = group != null && cluster.getId().equalsIgnoreCase(group.managedBy());
        if (names.infraId() != null) {
            detach(rp, cluster.getProperties().getMasterProfile().getSubnetId(), names.masterNsgId());
            for (String subnet : workerSubnets(cluster)) {
                detach(rp, subnet, names.workerNsgId());
            }
        }
        if (ours && isManagedDomain(names)) {
            ResourceId zone = ResourceId.fromString(settings.managedDomainZoneId());
            ignoreNotFound(() -> rp(zone.subscriptionId()).dns().getRecordSets().delete(zone.resourceGroupName(), zone.name(), names.domainLabel(),
                    RecordType.NS), "deleting the DNS delegation of '" + names.domain() + "'");
        }
        if (ours) {
            ignoreNotFound(() -> operations.await(groups.beginDelete(names.group()), "deleting resource group '" + names.group() + "'"),
                    "deleting resource group '" + names.group() + "'");
        } else if (group != null) {
            LOG.atWarn().addKeyValue("resourceGroup", names.groupId()).log("left the resource group alone: it is not managed by the cluster");
        }
    }

    @Override
    public List<AzureResource> resources(OpenShiftCluster cluster) {
        ClusterResources names = ClusterResources.of(cluster);
        Iterable<GenericResourceExpandedInner> listed = translated(() -> rp(names).resources().getResources().listByResourceGroup(names.group(),
                null, null, null, Context.NONE), "listing the resources of resource group '" + names.group() + "'");
        List<AzureResource> resources = new ArrayList<>();
        listed.forEach(r -> resources.add(new AzureResource(r.id(), r.name(), r.type(), r.location())));
        return resources;
    }

    @Override
    public void virtualMachineAction(OpenShiftCluster cluster, String vmName, VirtualMachineAction action) {
        ClusterResources names = ClusterResources.of(cluster);
        ArmClients rp = rp(names);
        String vm = names.groupId() + "/providers/Microsoft.Compute/virtualMachines/" + vmName;
        String what = action.armAction() + " of virtual machine '" + vmName + "'";
        if (absentAsNull(() -> rp.resources().getResources().getById(vm, COMPUTE_API_VERSION), what) == null) {
            throw new io.aro.rp.api.CloudError(404, new io.aro.rp.api.CloudErrorBody("ResourceNotFound", "The virtual machine '" + vmName
                    + "' was not found in the cluster's resource group '" + names.group() + "'.", null, null)).toException();
        }
        translated(() -> operations.await(rp.post(vm + "/" + action.armAction(), COMPUTE_API_VERSION), what), what);
        LOG.atInfo().addKeyValue("virtualMachine", vm).addKeyValue("action", action.armAction()).log("virtual machine action done");
    }

    /** The cluster's zone delegated from the RP's managed domain: an NS record set named after the cluster's label. */
    private void delegate(ClusterResources names, List<String> nameServers) {
        ResourceId zone = ResourceId.fromString(settings.managedDomainZoneId());
        var records = rp(zone.subscriptionId()).dns().getRecordSets();
        String what = "delegating '" + names.domain() + "' from DNS zone '" + zone.name() + "'";
        RecordSetInner existing = absentAsNull(() -> records.get(zone.resourceGroupName(), zone.name(), names.domainLabel(), RecordType.NS), what);
        List<String> current = existing == null || existing.nsRecords() == null ? List.of()
                : existing.nsRecords().stream().map(NsRecord::nsdname).toList();
        if (current.equals(nameServers)) {
            return;
        }
        translated(() -> records.createOrUpdate(zone.resourceGroupName(), zone.name(), names.domainLabel(), RecordType.NS,
                new RecordSetInner().withTtl(DELEGATION_TTL_SECONDS).withNsRecords(nameServers.stream().map(ns -> new NsRecord().withNsdname(ns)).toList())),
                what);
    }

    private boolean isManagedDomain(ClusterResources names) {
        return settings.managedDomain() != null && names.domain().endsWith("." + settings.managedDomain());
    }

    /**
     * The cluster's service principal holds Contributor on the managed resource group, under a role
     * assignment named after the group and the principal, so that granting it again is a no-op.
     */
    private void grantServicePrincipalRole(OpenShiftCluster cluster, ClusterResources names, ArmClients rp) {
        String principal = AccessTokens.objectId(servicePrincipals.of(cluster), settings.scope());
        String name = UUID.nameUUIDFromBytes((names.groupId().toLowerCase(Locale.ROOT) + "|" + principal).getBytes(StandardCharsets.UTF_8)).toString();
        var assignments = rp.authorization().getRoleAssignments();
        String what = "granting the service principal Contributor on resource group '" + names.group() + "'";
        if (absentAsNull(() -> assignments.get(names.groupId(), name), what) != null) {
            return;
        }
        try {
            assignments.create(names.groupId(), name, new RoleAssignmentCreateParameters()
                    .withRoleDefinitionId("/subscriptions/" + names.subscriptionId() + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR_ROLE)
                    .withPrincipalId(principal)
                    .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
        } catch (ManagementException e) {
            if (ArmErrors.status(e) != 409) { // RoleAssignmentExists: it holds the role under another name
                throw ArmErrors.translate(e, what);
            }
        }
    }

    private void attach(ArmClients rp, String subnetId, String nsgId) {
        ResourceId id = ResourceId.fromString(subnetId);
        var subnets = rp.network().getSubnets();
        SubnetInner subnet = translated(() -> subnets.get(id.resourceGroupName(), id.parent().name(), id.name()),
                "reading subnet '" + subnetId + "'");
        if (subnet.networkSecurityGroup() != null && nsgId.equalsIgnoreCase(subnet.networkSecurityGroup().id())) {
            return;
        }
        subnet.withNetworkSecurityGroup(new NetworkSecurityGroupInner().withId(nsgId));
        translated(() -> operations.await(subnets.beginCreateOrUpdate(id.resourceGroupName(), id.parent().name(), id.name(), subnet),
                "attaching NSG to subnet '" + subnetId + "'"), "attaching NSG to subnet '" + subnetId + "'");
    }

    /** The cluster's NSG taken off a subnet; a subnet that is gone or carries another NSG is left as it is. */
    private void detach(ArmClients rp, String subnetId, String nsgId) {
        ResourceId id = ResourceId.fromString(subnetId);
        var subnets = rp.network().getSubnets();
        SubnetInner subnet = absentAsNull(() -> subnets.get(id.resourceGroupName(), id.parent().name(), id.name()),
                "reading subnet '" + subnetId + "'");
        if (subnet == null || subnet.networkSecurityGroup() == null || !nsgId.equalsIgnoreCase(subnet.networkSecurityGroup().id())) {
            return;
        }
        subnet.withNetworkSecurityGroup(null);
        ignoreNotFound(() -> operations.await(subnets.beginCreateOrUpdate(id.resourceGroupName(), id.parent().name(), id.name(), subnet),
                "detaching NSG from subnet '" + subnetId + "'"), "detaching NSG from subnet '" + subnetId + "'");
    }

    private ArmClients rp(ClusterResources names) {
        return rp(names.subscriptionId());
    }

    private ArmClients rp(String subscriptionId) {
        return bySubscription.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT),
                subscription -> ArmClients.connect(httpClient, identity, subscription, settings));
    }

    private static void ignoreNotFound(Runnable call, String what) {
        absentAsNull(() -> {
            call.run();
            return null;
        }, what);
    }

    private static Set<String> allSubnets(OpenShiftCluster cluster) {
        Set<String> subnets = new LinkedHashSet<>();
        subnets.add(cluster.getProperties().getMasterProfile().getSubnetId());
        subnets.addAll(workerSubnets(cluster));
        return subnets;
    }

    private static Set<String> workerSubnets(OpenShiftCluster cluster) {
        Set<String> subnets = new LinkedHashSet<>();
        cluster.getProperties().getWorkerProfiles().forEach(worker -> subnets.add(worker.getSubnetId()));
        return subnets;
    }

    private static boolean preconfiguredNsg(OpenShiftCluster cluster) {
        return cluster.getProperties().getNetworkProfile().getPreconfiguredNSG() == PreconfiguredNSG.ENABLED;
    }

    private static Map<String, String> tags(OpenShiftCluster cluster) {
        return cluster.getTags() == null ? Map.of() : Map.copyOf(cluster.getTags());
    }
}
