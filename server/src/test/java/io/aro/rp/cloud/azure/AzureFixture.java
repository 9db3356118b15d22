package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterDefaults;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.WorkloadIdentityCloud.ClusterIdentityCertificate;
import io.aro.rp.cloud.WorkloadIdentityCloud.IdentityIds;
import io.aro.rp.testing.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A customer's world in {@link FakeArm}: a subscription with a vnet whose master and worker subnets are
 * as ARO needs them, and the cluster's service principal and the RP both Network Contributor on it;
 * deployments that create what the RP's templates create. A test then breaks what it tests.
 */
public final class AzureFixture {
    public static final String WRONG_SECRET = "wrong-secret";
    /** A secret whose service principal cannot reach Entra ID, as during an outage. */
    public static final String UNREACHABLE_SECRET = "unreachable-secret";
    public static final String API_SERVER_IP = "20.30.40.50";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    public final FakeArm arm;
    public final String subscription;

    public AzureFixture(FakeArm arm, String subscription) {
        this.arm = arm;
        this.subscription = subscription;
        arm.put(vnetGroup(), JSON.createObjectNode().put("location", "eastus"));
        ObjectNode vnet = JSON.createObjectNode().put("location", "eastus");
        vnet.putObject("properties").putObject("addressSpace").putArray("addressPrefixes").add("10.0.0.0/22");
        arm.put(vnetId(), vnet);
        arm.put(masterSubnet(), subnet("10.0.0.0/23", true));
        arm.put(workerSubnet(), subnet("10.0.2.0/23", false));
        arm.grant(FakeArm.RP_PRINCIPAL, vnetId(), FakeArm.NETWORK_CONTRIBUTOR_ACTIONS);
        arm.onDeployment("storage", p -> new FakeArm.DeploymentOutcome(Map.of(), List.of(
                "providers/Microsoft.Storage/storageAccounts/" + p.path("storageAccountName").asText(),
                "providers/Microsoft.Network/networkSecurityGroups/" + p.path("infraId").asText() + "-nsg",
                "providers/Microsoft.Network/networkSecurityGroups/" + p.path("infraId").asText() + "-node-nsg")));
        arm.put(rpGroup(), JSON.createObjectNode().put("location", "eastus"));
        arm.put(rpZoneId(), JSON.createObjectNode().put("location", "global"));
    }

    /** The RP's managed domain in the region, whose zone delegates to each cluster's. */
    public static final String MANAGED_DOMAIN = "eastus.aroapp.io";
    public static final String RP_SUBSCRIPTION = "99999999-9999-4999-8999-999999999999";
    public static final String INTERNAL_API_SERVER_IP = "10.0.0.4";

    public String rpGroup() {
        return "/subscriptions/" + RP_SUBSCRIPTION + "/resourceGroups/rp-eastus";
    }

    /** The RP's public DNS zone of its managed domain. */
    public String rpZoneId() {
        return rpGroup() + "/providers/Microsoft.Network/dnszones/" + MANAGED_DOMAIN;
    }

    /** Settings that reach the fake ARM, with the RP's managed domain. */
    public AzureCloudSettings settings() {
        return arm.settings().withManagedDomain(MANAGED_DOMAIN, rpZoneId());
    }

    /** What the installer creates in the cluster's resource group and the RP reads: the API server's public IP and internal load balancer. */
    public void installerResources(String groupId, String infraId) {
        ObjectNode ip = JSON.createObjectNode().put("location", "eastus");
        ip.putObject("properties").put("ipAddress", API_SERVER_IP);
        arm.put(groupId + "/providers/Microsoft.Network/publicIPAddresses/" + infraId + "-pip-v4", ip);
        ObjectNode lb = JSON.createObjectNode().put("location", "eastus");
        lb.putObject("properties").putArray("frontendIPConfigurations").addObject().put("name", "internal-lb-ip-v4").putObject("properties")
                .put("privateIPAddress", INTERNAL_API_SERVER_IP);
        arm.put(groupId + "/providers/Microsoft.Network/loadBalancers/" + infraId + "-internal", lb);
    }

    private static ObjectNode subnet(String prefix, boolean master) {
        ObjectNode subnet = JSON.createObjectNode();
        ObjectNode properties = subnet.putObject("properties").put("addressPrefix", prefix);
        properties.putArray("serviceEndpoints").addObject().put("service", "Microsoft.ContainerRegistry");
        properties.put("privateLinkServiceNetworkPolicies", master ? "Disabled" : "Enabled");
        return subnet;
    }

    public String vnetGroup() {
        return "/subscriptions/" + subscription + "/resourceGroups/aro-vnet";
    }

    public String vnetId() {
        return vnetGroup() + "/providers/Microsoft.Network/virtualNetworks/aro-vnet";
    }

    public String masterSubnet() {
        return vnetId() + "/subnets/master";
    }

    public String workerSubnet() {
        return vnetId() + "/subnets/worker";
    }

    /** The object ID of the service principal with {@code clientId}, which the fixture's credentials put in their tokens. */
    public static String servicePrincipal(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.toLowerCase().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Grants the service principal with {@code clientId} Network Contributor on the vnet, and names it {@code sp} in the journal. */
    public void networkContributor(String clientId) {
        arm.grant(servicePrincipal(clientId), vnetId(), FakeArm.NETWORK_CONTRIBUTOR_ACTIONS);
        arm.label(servicePrincipal(clientId), "sp");
    }

    /** Service principals as Entra ID would authenticate them: a token for any secret but {@link #WRONG_SECRET} and {@link #UNREACHABLE_SECRET}. */
    public static ServicePrincipals servicePrincipals() {
        return cluster -> {
            var sp = cluster.getProperties().getServicePrincipalProfile();
            if (WRONG_SECRET.equals(sp.getClientSecret().reveal())) {
                return (TokenCredential) request -> Mono.error(new ClientAuthenticationException("AADSTS7000215: Invalid client secret provided.", null));
            }
            if (UNREACHABLE_SECRET.equals(sp.getClientSecret().reveal())) {
                return (TokenCredential) request -> Mono.error(new ClientAuthenticationException("ClientSecretCredential authentication unavailable: "
                        + "Connection refused", null));
            }
            return FakeArm.principal(servicePrincipal(sp.getClientId()));
        };
    }

    /** The principal of every managed identity cluster's cluster identity, named {@code cluster-identity} in the journal. */
    public static final String CLUSTER_IDENTITY_PRINCIPAL = "22222222-2222-2222-2222-222222222222";
    public static final String CLUSTER_IDENTITY_TENANT = "33333333-3333-3333-3333-333333333333";
    /** What stands for the cluster identity's PKCS#12 certificate: the installer gets it as it is. */
    public static final byte[] CLUSTER_IDENTITY_PFX = "not-really-pkcs12".getBytes(StandardCharsets.UTF_8);

    /** The cluster identity as ARM's managed identity data plane would give it: a credential naming {@link #CLUSTER_IDENTITY_PRINCIPAL}. */
    public static ClusterIdentityCredentials clusterIdentity() {
        return new ClusterIdentityCredentials() {
            @Override
            public ClusterIdentityCertificate certificate(OpenShiftCluster cluster) {
                return new ClusterIdentityCertificate(identityIds(cluster.getIdentity().clusterIdentityId()).clientId(), CLUSTER_IDENTITY_TENANT,
                        CLUSTER_IDENTITY_PFX);
            }

            @Override
            public TokenCredential credential(OpenShiftCluster cluster) {
                return FakeArm.principal(CLUSTER_IDENTITY_PRINCIPAL);
            }
        };
    }

    /** The client and principal IDs that the fixture gives the identity {@code resourceId}. */
    public static IdentityIds identityIds(String resourceId) {
        String key = resourceId.toLowerCase(Locale.ROOT);
        return new IdentityIds(UUID.nameUUIDFromBytes(("client|" + key).getBytes(StandardCharsets.UTF_8)).toString(),
                UUID.nameUUIDFromBytes(("principal|" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The customer's user-assigned identities of {@code cluster} (its cluster identity and operators' ones) exist in ARM. */
    public void identities(OpenShiftCluster cluster) {
        List<String> ids = new ArrayList<>(cluster.getIdentity().getUserAssignedIdentities().keySet());
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().values().forEach(i -> ids.add(i.getResourceId()));
        identities(ids);
    }

    /** The user-assigned identities {@code ids} exist in ARM, with the IDs {@link #identityIds} gives them. */
    public void identities(List<String> ids) {
        for (String id : ids) {
            String group = id.substring(0, id.toLowerCase(Locale.ROOT).indexOf("/providers/"));
            if (!arm.exists(group)) {
                arm.put(group, JSON.createObjectNode().put("location", "eastus"));
            }
            ObjectNode identity = JSON.createObjectNode().put("location", "eastus");
            identity.putObject("properties").put("clientId", identityIds(id).clientId()).put("principalId", identityIds(id).principalId())
                    .put("tenantId", CLUSTER_IDENTITY_TENANT);
            arm.put(id, identity);
        }
        arm.label(CLUSTER_IDENTITY_PRINCIPAL, "cluster-identity");
    }

    /** The example cluster of 2023-11-22 in this subscription, as the frontend would store it, named for an install. */
    public OpenShiftCluster cluster(String name) {
        OpenShiftCluster oc = cluster(name, "2023-11-22");
        networkContributor(oc.getProperties().getServicePrincipalProfile().getClientId());
        return oc;
    }

    /** The example managed identity cluster of 2025-07-25 in this subscription, with ARM's identity headers, named for an install. */
    public OpenShiftCluster workloadIdentityCluster(String name) {
        OpenShiftCluster oc = cluster(name, "2025-07-25");
        oc.getIdentity().setIdentityUrl(SecureString.of("https://eastus.identity.azure.net/identity-url"));
        oc.getIdentity().setTenantId(CLUSTER_IDENTITY_TENANT);
        return oc;
    }

    private OpenShiftCluster cluster(String name, String apiVersion) {
        JsonNode request = Examples.request(apiVersion, "OpenShiftClusters_CreateOrUpdate");
        String json = request.toString().replace("225e02bc-43d0-43d1-a01a-17e584a4ef69", subscription)
                .replace("aro-example-cluster", "aro-" + name);
        OpenShiftCluster oc = new OpenShiftCluster();
        ApiVersion api = ApiVersions.get(apiVersion).orElseThrow();
        try {
            api.converter().toInternal(api.normalize(JSON.readTree(json)), oc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        oc.setId(ResourceNames.resourceId(subscription, "rg", name));
        oc.setName(name);
        oc.setType(ResourceNames.RESOURCE_TYPE);
        oc.setLocation("eastus");
        OpenShiftClusterDefaults.apply(oc);
        oc.getProperties().setInfraId(name + "-abcde");
        oc.getProperties().setStorageSuffix("fghij");
        return oc;
    }
}
