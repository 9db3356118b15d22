package io.aro.rp.cloud.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PreconfiguredNSG;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.TransientCloudException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production cloud's calls, one by one, with the real Azure SDK against ARM served by WireMock.
 * Long-running operations here come without Retry-After, so the SDK polls at the RP's own interval;
 * AzureLifecycleTest runs them with ARM's Retry-After.
 */
class AzureClusterCloudTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeArm arm = new FakeArm();
    final AzureFixture fixture = new AzureFixture(arm, UUID.randomUUID().toString());
    final AzureClusterCloud cloud = new AzureClusterCloud(FakeArm.principal(FakeArm.RP_PRINCIPAL), AzureFixture.servicePrincipals(), fixture.settings());
    final OpenShiftCluster oc = fixture.cluster("one");

    AzureClusterCloudTest() {
        arm.retryAfter(null);
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    /** A dynamic-validation failure: what breaks the customer's setup, and the CloudError that says so. */
    record Breakage(String name, Consumer<AzureClusterCloudTest> breakIt, String code, String target, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Breakage> breakages() {
        String master = "properties.masterProfile.subnetId";
        String worker = "properties.workerProfiles[0].subnetId";
        return Stream.of(
                new Breakage("a wrong client secret", t -> t.oc.getProperties().getServicePrincipalProfile().setClientSecret(
                        SecureString.of(AzureFixture.WRONG_SECRET)), "InvalidServicePrincipalCredentials", "properties.servicePrincipalProfile",
                        "Check the client ID and secret"),
                new Breakage("a service principal with no role on the vnet", t -> t.arm.revoke(t.servicePrincipal(), t.fixture.vnetId()),
                        "InvalidServicePrincipalPermissions", null, "does not have Network Contributor permission on vnet"),
                new Breakage("a service principal that may only read the vnet", t -> t.arm.grant(t.servicePrincipal(), t.fixture.vnetId(),
                        "Microsoft.Network/virtualNetworks/read", "Microsoft.Network/virtualNetworks/subnets/read"),
                        "InvalidServicePrincipalPermissions", null, "does not have Network Contributor permission on vnet"),
                new Breakage("a service principal denied joining subnets", t -> t.arm.grant(t.servicePrincipal(), t.fixture.vnetId(),
                        List.of("*"), List.of("Microsoft.Network/virtualNetworks/subnets/join/action")),
                        "InvalidServicePrincipalPermissions", null, "does not have Network Contributor permission on vnet"),
                new Breakage("an RP with no role on the vnet", t -> t.arm.revoke(FakeArm.RP_PRINCIPAL, t.fixture.vnetId()),
                        "InvalidResourceProviderPermissions", null, "The resource provider does not have Network Contributor permission"),
                new Breakage("a 403 reading the vnet", t -> t.arm.fail("GET", "virtualnetworks/aro-vnet$", null, 99, 403, "AuthorizationFailed", Map.of()),
                        "InvalidServicePrincipalPermissions", null, "does not have Network Contributor permission on vnet"),
                new Breakage("a missing vnet", t -> t.arm.remove(t.fixture.vnetId()), "InvalidLinkedVNet", master, "could not be found"),
                new Breakage("a vnet in another region", t -> t.arm.get(t.fixture.vnetId()).put("location", "westeurope"), "InvalidLinkedVNet",
                        master, "The vnet location 'westeurope' must match the cluster location 'eastus'"),
                new Breakage("a vnet in another subscription", t -> t.moveSubnets("/subscriptions/" + UUID.randomUUID()), "InvalidLinkedVNet", master,
                        "must be in the cluster's subscription"),
                new Breakage("a missing master subnet", t -> t.arm.remove(t.fixture.masterSubnet()), "InvalidLinkedVNet", master,
                        "subnets/master' could not be found"),
                new Breakage("a /28 worker subnet", t -> t.subnet(t.fixture.workerSubnet()).put("addressPrefix", "10.0.2.0/28"), "InvalidLinkedVNet",
                        worker, "must be /27 or larger"),
                new Breakage("no container registry endpoint", t -> t.subnet(t.fixture.masterSubnet()).remove("serviceEndpoints"), "InvalidLinkedVNet",
                        master, "must have the Microsoft.ContainerRegistry service endpoint"),
                new Breakage("private link service policies on the master subnet", t -> t.subnet(t.fixture.masterSubnet())
                        .put("privateLinkServiceNetworkPolicies", "Enabled"), "InvalidLinkedVNet", master, "privateLinkServiceNetworkPolicies disabled"),
                new Breakage("a customer NSG on the worker subnet", t -> t.subnet(t.fixture.workerSubnet()).putObject("networkSecurityGroup")
                        .put("id", t.fixture.vnetGroup() + "/providers/Microsoft.Network/networkSecurityGroups/mine"), "InvalidLinkedVNet", worker,
                        "must not have a network security group attached (or set preconfiguredNSG to Enabled)"),
                new Breakage("overlapping subnets", t -> t.subnet(t.fixture.workerSubnet()).put("addressPrefix", "10.0.1.0/24"), "InvalidLinkedVNet",
                        null, "must not overlap"),
                new Breakage("a pod CIDR over the subnets", t -> t.oc.getProperties().getNetworkProfile().setPodCidr("10.0.0.0/14"), "InvalidLinkedVNet",
                        null, "overlaps with 'the pod CIDR' (10.0.0.0/14)"),
                new Breakage("a service CIDR over the subnets", t -> t.oc.getProperties().getNetworkProfile().setServiceCidr("10.0.0.0/16"),
                        "InvalidLinkedVNet", null, "overlaps with 'the service CIDR' (10.0.0.0/16)"));
    }

    private String servicePrincipal() {
        return AzureFixture.servicePrincipal(oc.getProperties().getServicePrincipalProfile().getClientId());
    }

    private ObjectNode subnet(String id) {
        return arm.get(id).with("properties");
    }

    private void moveSubnets(String subscription) {
        var p = oc.getProperties();
        p.getMasterProfile().setSubnetId(p.getMasterProfile().getSubnetId().replaceFirst("^/subscriptions/[^/]+", subscription));
        p.getWorkerProfiles().forEach(w -> w.setSubnetId(w.getSubnetId().replaceFirst("^/subscriptions/[^/]+", subscription)));
    }

    private static CloudErrorBody error(Runnable call) {
        return assertThrows(CloudErrorException.class, call::run).getCloudError().getError();
    }

    @Test
    void validationPassesForANetworkAsAroNeedsItReadingItAsTheServicePrincipal() {
        cloud.validate(oc, true);
        List<String> journal = arm.journal();
        assertEquals(List.of("sp", "rp", "sp", "sp", "sp"), journal.stream().map(l -> l.split(" ")[0]).toList(), journal.toString());
        assertTrue(journal.get(1).endsWith("/virtualnetworks/aro-vnet/providers/microsoft.authorization/permissions"), journal.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void everyDynamicValidationFailureIsArosCloudError(Breakage breakage) {
        breakage.breakIt().accept(this);
        CloudErrorBody error = error(() -> cloud.validate(oc, true));
        assertEquals(breakage.code(), error.getCode(), error.toString());
        assertEquals(breakage.target(), error.getTarget(), error.toString());
        assertTrue(error.getMessage().contains(breakage.message()), error.getMessage());
    }

    @Test
    void entraIdOutOfReachIsTransientNotInvalidCredentials() {
        oc.getProperties().getServicePrincipalProfile().setClientSecret(SecureString.of(AzureFixture.UNREACHABLE_SECRET));
        assertThrows(TransientCloudException.class, () -> cloud.validate(oc, true));
    }

    @Test
    void aPreconfiguredNsgIsTheCustomersToBring() {
        subnet(fixture.workerSubnet()).putObject("networkSecurityGroup").put("id", fixture.vnetGroup() + "/providers/Microsoft.Network/networkSecurityGroups/mine");
        oc.getProperties().getNetworkProfile().setPreconfiguredNSG(PreconfiguredNSG.ENABLED);
        cloud.validate(oc, true);
        cloud.createResourceGroup(oc);
        cloud.deployStorage(oc);
        arm.resetJournal();
        cloud.attachSecurityGroups(oc);
        assertEquals(List.of(), arm.journal(), "the customer's NSGs are left alone");
    }

    @Test
    void anUpdateNeedsTheClustersNsgOnTheSubnets() {
        cloud.createResourceGroup(oc);
        cloud.deployStorage(oc);
        CloudErrorBody error = error(() -> cloud.validate(oc, false));
        assertEquals("InvalidLinkedVNet", error.getCode());
        assertTrue(error.getMessage().contains("must have the cluster's network security group"), error.getMessage());

        cloud.attachSecurityGroups(oc);
        cloud.validate(oc, false);
        assertTrue(arm.get(fixture.masterSubnet()).at("/properties/networkSecurityGroup/id").asText().endsWith("/networkSecurityGroups/one-abcde-nsg"));
        assertTrue(arm.get(fixture.workerSubnet()).at("/properties/networkSecurityGroup/id").asText().endsWith("/networkSecurityGroups/one-abcde-node-nsg"));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedHonouringRetryAfter() {
        arm.fail("PUT", "resourcegroups/aro-one$", null, 1, 429, "TooManyRequests", Map.of("Retry-After", "1"));
        arm.fail("GET", "deployments/storage$", null, 1, 503, "ServiceUnavailable", Map.of());
        long start = System.nanoTime();
        cloud.createResourceGroup(oc);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "the retry waited for Retry-After");
        cloud.deployStorage(oc);

        List<String> calls = arm.journal().stream().map(l -> l.replaceAll("/subscriptions/[^/]+/resourcegroups/", "")).toList();
        assertEquals(List.of("rp GET aro-one", "rp PUT aro-one", "rp PUT aro-one",
                "rp GET aro-one/providers/microsoft.resources/deployments/storage", "rp GET aro-one/providers/microsoft.resources/deployments/storage",
                "rp PUT aro-one/providers/microsoft.resources/deployments/storage", "rp GET {operation}",
                "rp GET aro-one/providers/microsoft.resources/deployments/storage"), calls);
        assertTrue(arm.exists(oc.getProperties().getClusterProfile().getResourceGroupId() + "/providers/Microsoft.Storage/storageAccounts/clusterfghij"));
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsTransient() {
        arm.fail("PUT", "resourcegroups/aro-one$", null, 99, 429, "TooManyRequests", Map.of("Retry-After", "0"));
        assertInstanceOf(TransientCloudException.class, assertThrows(RuntimeException.class, () -> cloud.createResourceGroup(oc)));
    }

    @Test
    void aResourceGroupThatIsNotTheClustersIsRefusedAndNeverDeleted() {
        String group = oc.getProperties().getClusterProfile().getResourceGroupId();
        arm.put(group, JSON.createObjectNode().put("location", "eastus"));
        CloudErrorBody error = error(() -> cloud.createResourceGroup(oc));
        assertEquals("ClusterResourceGroupAlreadyExists", error.getCode());
        assertEquals("properties.clusterProfile.resourceGroupId", error.getTarget());

        arm.resetJournal();
        cloud.delete(oc);
        assertTrue(arm.exists(group), "the customer's group stays");
        assertTrue(arm.journal().stream().noneMatch(l -> l.contains(" DELETE ") || l.contains(" PUT ")), arm.journal().toString());
    }

    @Test
    void aFailedDeploymentReportsArmsError() {
        arm.failDeployment("storage", "RequestDisallowedByPolicy", "Resource 'clusterfghij' was disallowed by policy.");
        cloud.createResourceGroup(oc);
        CloudErrorBody error = error(() -> cloud.deployStorage(oc));
        assertEquals("RequestDisallowedByPolicy", error.getCode());
        assertTrue(error.getMessage().contains("was disallowed by policy"), error.getMessage());
    }

    @Test
    void aDeploymentAnotherWorkerStartedIsAwaitedNotRestarted() throws Exception {
        cloud.createResourceGroup(oc);
        arm.operationDuration(Duration.ofSeconds(2));
        AtomicReference<Thread> first = new AtomicReference<>();
        CompletableFuture<Void> abandoned = CompletableFuture.runAsync(() -> {
            first.set(Thread.currentThread());
            cloud.deployStorage(oc);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (arm.journal().stream().noneMatch(l -> l.startsWith("rp PUT ") && l.endsWith("/deployments/storage"))) {
            assertTrue(System.nanoTime() < deadline, "the deployment was sent");
            Thread.sleep(20);
        }
        first.get().interrupt(); // as a worker that lost its lease is stopped
        Throwable stopped = assertThrows(Exception.class, () -> abandoned.get(10, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(TransientCloudException.class, stopped);

        cloud.deployStorage(oc);
        assertEquals(1, arm.journal().stream().filter(l -> l.startsWith("rp PUT ") && l.endsWith("/deployments/storage")).count(), arm.journal().toString());
        assertEquals("Succeeded", arm.get(oc.getProperties().getClusterProfile().getResourceGroupId()
                + "/providers/Microsoft.Resources/deployments/storage").at("/properties/provisioningState").asText());
    }

    @Test
    void everyStepRunTwiceSendsNoSecondPut() {
        oc.getProperties().getClusterProfile().setDomain("one." + AzureFixture.MANAGED_DOMAIN);
        for (int run = 0; run < 2; run++) {
            cloud.validate(oc, true);
            cloud.createResourceGroup(oc);
            cloud.deployStorage(oc);
            cloud.attachSecurityGroups(oc);
            cloud.grantServicePrincipalRole(oc);
            cloud.createDns(oc);
        }
        Map<String, Long> puts = arm.journal().stream().filter(l -> l.contains(" PUT "))
                .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        puts.forEach((put, times) -> assertEquals(1, times, put + " was sent " + times + " times"));
        assertEquals(7, puts.size(), "group, storage, two subnets, role, zone, delegation: " + puts);
    }

    @Test
    void aManagedDomainsZoneIsDelegatedFromTheRpsZoneAndTheDelegationGoesWithTheCluster() {
        oc.getProperties().getClusterProfile().setDomain("one." + AzureFixture.MANAGED_DOMAIN);
        cloud.createResourceGroup(oc);
        cloud.createDns(oc);
        String group = oc.getProperties().getClusterProfile().getResourceGroupId();
        // the installer writes api.one and *.apps.one into a zone named after the base domain, in the cluster's group
        JsonNode zone = arm.get(group + "/providers/Microsoft.Network/dnszones/" + AzureFixture.MANAGED_DOMAIN);
        JsonNode delegation = arm.get(fixture.rpZoneId() + "/NS/one");
        List<String> nameServers = new java.util.ArrayList<>();
        zone.at("/properties/nameServers").forEach(server -> nameServers.add(server.asText()));
        assertEquals(4, nameServers.size(), zone.toString());
        assertEquals(nameServers, delegation.at("/properties/NSRecords").findValuesAsText("nsdname"), delegation.toString());
        assertEquals(3600, delegation.at("/properties/TTL").asInt());

        cloud.delete(oc);
        assertFalse(arm.exists(fixture.rpZoneId() + "/NS/one"), "the delegation is gone");
        assertTrue(arm.exists(fixture.rpZoneId()), "the RP's zone stays");
        assertFalse(arm.exists(group));
    }

    @Test
    void aCustomDomainGetsItsZoneButNoDelegation() {
        cloud.createResourceGroup(oc);
        cloud.createDns(oc);
        String group = oc.getProperties().getClusterProfile().getResourceGroupId();
        assertTrue(arm.exists(group + "/providers/Microsoft.Network/dnszones/contoso.com"), arm.ids().toString());
        assertTrue(arm.ids().stream().noneMatch(id -> id.startsWith(fixture.rpZoneId().toLowerCase() + "/")), arm.ids().toString());
    }

    @Test
    void theMachineNetworksAreTheSubnetsRanges() {
        assertEquals(List.of("10.0.0.0/23", "10.0.2.0/23"), cloud.machineNetworks(oc));
    }

    @Test
    void theApiServerIpIsReadFromTheInstallersPublicIpOrInternalLoadBalancer() {
        cloud.createResourceGroup(oc);
        oc.getProperties().getHiveProfile().setInfraId("one-hive1");
        fixture.installerResources(oc.getProperties().getClusterProfile().getResourceGroupId(), "one-hive1");
        assertEquals(AzureFixture.API_SERVER_IP, cloud.apiServerIp(oc));
        oc.getProperties().getApiserverProfile().setVisibility(io.aro.rp.api.Visibility.PRIVATE);
        assertEquals(AzureFixture.INTERNAL_API_SERVER_IP, cloud.apiServerIp(oc));
    }

    @Test
    void anUpdateTagsTheGroupAndGrantsARotatedServicePrincipal() {
        cloud.createResourceGroup(oc);
        cloud.deployStorage(oc);
        cloud.attachSecurityGroups(oc);
        cloud.grantServicePrincipalRole(oc);
        String group = oc.getProperties().getClusterProfile().getResourceGroupId().toLowerCase();
        assertEquals("dev", arm.get(group).at("/tags/environment").asText(), "the cluster's tags are on its group");

        String original = servicePrincipal();
        String rotated = UUID.randomUUID().toString();
        oc.getProperties().getServicePrincipalProfile().setClientId(rotated);
        oc.getProperties().getServicePrincipalProfile().setClientSecret(SecureString.of("new-secret"));
        fixture.networkContributor(rotated);
        oc.setTags(Map.of("environment", "prod"));
        cloud.validate(oc, false);
        cloud.update(oc);

        assertEquals("prod", arm.get(group).at("/tags/environment").asText());
        List<String> principals = arm.ids().stream().filter(id -> id.startsWith(group + "/providers/microsoft.authorization/roleassignments/"))
                .map(id -> arm.get(id).at("/properties/principalId").asText()).sorted().toList();
        assertEquals(Stream.of(AzureFixture.servicePrincipal(rotated), original).sorted().toList(), principals);
    }

    @Test
    void deleteDetachesTheNsgsRemovesDnsThenTheGroupAndSucceedsAgainWhenAllIsGone() {
        cloud.createResourceGroup(oc);
        cloud.deployStorage(oc);
        cloud.attachSecurityGroups(oc);
        cloud.grantServicePrincipalRole(oc);
        cloud.createDns(oc);
        String group = oc.getProperties().getClusterProfile().getResourceGroupId().toLowerCase();

        cloud.delete(oc);
        assertTrue(arm.get(fixture.masterSubnet()).at("/properties/networkSecurityGroup").isMissingNode());
        assertTrue(arm.get(fixture.workerSubnet()).at("/properties/networkSecurityGroup").isMissingNode());
        assertTrue(arm.ids().stream().noneMatch(id -> id.startsWith(group)), arm.ids().toString());

        arm.resetJournal();
        cloud.delete(oc);
        assertEquals(List.of("GET", "GET", "GET"), arm.journal().stream().map(l -> l.split(" ")[1]).toList(), "only reads: " + arm.journal());
    }

    @Test
    void aForbiddenGroupDeletionIsReportedNotRetried() {
        cloud.createResourceGroup(oc);
        arm.fail("DELETE", "resourcegroups/aro-one$", null, 99, 403, "AuthorizationFailed", Map.of());
        CloudErrorBody error = error(() -> cloud.delete(oc));
        assertEquals("AuthorizationFailed", error.getCode());
        assertTrue(error.getMessage().startsWith("deleting resource group 'aro-one' failed: "), error.getMessage());
    }
}
