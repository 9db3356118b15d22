package io.aro.rp.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.UUID;

/**
 * Azure as the CLI sees it, served by WireMock: ARM, which proxies Microsoft.RedHatOpenShift to the real
 * RP (adding the identity headers ARM sends with a managed identity cluster's PUT) and answers for the
 * resource groups, the virtual network, managed identities, role definitions and assignments that az
 * aro reads and creates; and Microsoft Graph's service principals and applications.
 */
final class ArmStandIn implements AutoCloseable {
    static final String LOCATION = "eastus";
    /** The object ID of the RP's first-party service principal in the tenant. */
    static final String FIRST_PARTY_OBJECT_ID = "0f3b2a1c-9d8e-4f7a-8b6c-5d4e3f2a1b0c";

    // The authorization SDK joins ARM's URL and a resource ID with a slash of its own: paths may start with two.
    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .globalTemplating(true));
    private final String subscriptionId;

    ArmStandIn(URI rp, String subscriptionId) {
        this.subscriptionId = subscriptionId;
        server.start();
        server.stubFor(any(urlPathMatching("(?i)/subscriptions/[^/]+(/resourceGroups/[^/]+)?/providers/Microsoft\\.RedHatOpenShift/.*"))
                .willReturn(aResponse().proxiedFrom(rp.toString().replaceAll("/$", ""))
                        .withAdditionalRequestHeader("x-ms-identity-url", "https://eastus.identity.azure.net/credentials?tid=t&oid=o&aid=a")
                        .withAdditionalRequestHeader("x-ms-home-tenant-id", "7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e")));
        server.stubFor(get(urlPathMatching("(?i)/subscriptions/[^/]+/resourcegroups/[^/]+"))
                .willReturn(okJson("{\"id\":\"{{request.path}}\",\"name\":\"{{request.pathSegments.[3]}}\",\"location\":\"" + LOCATION + "\","
                        + "\"properties\":{\"provisioningState\":\"Succeeded\"}}")));
        server.stubFor(get(urlPathMatching("(?i)/subscriptions/[^/]+/resourcegroups/missing")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'missing' could not be found.\"}}")));
        vnet("10.0.0.0/22", "10.0.0.0/23", "10.0.2.0/23");
        // Managed identities: created with a fresh principal, deleted; those that exist are stubbed by identity().
        server.stubFor(put(urlPathMatching("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"{{request.path}}\",\"name\":\"{{request.pathSegments.[7]}}\",\"location\":\"" + LOCATION + "\","
                                + "\"type\":\"Microsoft.ManagedIdentity/userAssignedIdentities\",\"properties\":{\"tenantId\":\"7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e\","
                                + "\"principalId\":\"{{randomValue type='UUID'}}\",\"clientId\":\"{{randomValue type='UUID'}}\"}}")));
        server.stubFor(delete(urlPathMatching("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+"))
                .willReturn(aResponse().withStatus(200)));
        // Every operator role acts on subnets, so each operator identity is assigned its role over both subnets.
        server.stubFor(get(urlPathMatching("(?i)/+subscriptions/[^/]+/providers/Microsoft\\.Authorization/roleDefinitions/[^/]+"))
                .willReturn(okJson("{\"id\":\"{{request.path}}\",\"name\":\"{{request.pathSegments.[5]}}\",\"type\":\"Microsoft.Authorization/roleDefinitions\","
                        + "\"properties\":{\"roleName\":\"role\",\"type\":\"BuiltInRole\",\"permissions\":[{\"actions\":"
                        + "[\"Microsoft.Network/virtualNetworks/subnets/join/action\",\"Microsoft.Network/virtualNetworks/subnets/read\"],\"notActions\":[]}]}}")));
        server.stubFor(put(urlPathMatching("(?i)/.*/providers/Microsoft\\.Authorization/roleAssignments/[^/]+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"{{request.path}}\",\"name\":\"{{request.pathSegments.[-1]}}\",\"type\":\"Microsoft.Authorization/roleAssignments\","
                                + "\"properties\":{\"roleDefinitionId\":\"{{jsonPath request.body '$.properties.roleDefinitionId'}}\","
                                + "\"principalId\":\"{{jsonPath request.body '$.properties.principalId'}}\",\"scope\":\"{{request.path}}\"}}")));
        roleAssignments("[]");
        servicePrincipal("f1dd0a37-89c6-4e07-bcd1-ffd3d43d8875", FIRST_PARTY_OBJECT_ID);
    }

    URI uri() {
        return URI.create(server.baseUrl() + "/");
    }

    String vnetId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/vnet-rg/providers/Microsoft.Network/virtualNetworks/vnet";
    }

    /** The vnet in vnet-rg, its master and worker subnets with these prefixes; the worker subnet has a route table. */
    void vnet(String addressSpace, String master, String worker) {
        String id = vnetId();
        server.stubFor(get(urlPathEqualTo(id)).willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"vnet\",\"location\":\"" + LOCATION + "\","
                + "\"type\":\"Microsoft.Network/virtualNetworks\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"" + addressSpace + "\"]},"
                + "\"subnets\":[{\"id\":\"" + id + "/subnets/master\",\"name\":\"master\",\"properties\":{\"addressPrefix\":\"" + master + "\"}},"
                + "{\"id\":\"" + id + "/subnets/worker\",\"name\":\"worker\",\"properties\":{\"addressPrefix\":\"" + worker + "\","
                + "\"routeTable\":{\"id\":\"/subscriptions/" + subscriptionId + "/resourceGroups/vnet-rg/providers/Microsoft.Network/routeTables/rt\"}}}]}}")));
    }

    /** The role assignments every scope lists (as ARM lists those made at the scope or above it). */
    void roleAssignments(String valueArray) {
        server.stubFor(get(urlPathMatching("(?i)/.*/providers/Microsoft\\.Authorization/roleAssignments"))
                .willReturn(okJson("{\"value\":" + valueArray + "}")));
    }

    static String roleAssignment(String principalId, String roleDefinitionId, String scope) {
        return "{\"id\":\"" + scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + "\",\"name\":\"a\","
                + "\"type\":\"Microsoft.Authorization/roleAssignments\",\"properties\":{\"roleDefinitionId\":\"" + roleDefinitionId + "\","
                + "\"principalId\":\"" + principalId + "\",\"scope\":\"" + scope + "\"}}";
    }

    /** Microsoft Graph's service principal of an application. */
    void servicePrincipal(String appId, String objectId) {
        server.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals")).withQueryParam("$filter", containing(appId))
                .willReturn(okJson("{\"value\":[{\"id\":\"" + objectId + "\",\"appId\":\"" + appId + "\",\"displayName\":\"sp\","
                        + "\"servicePrincipalNames\":[\"" + appId + "\"]}]}")));
    }

    /** A user-assigned managed identity that exists, with its principal. */
    void identity(String id, String principalId) {
        server.stubFor(get(urlPathEqualTo(id)).willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + id.substring(id.lastIndexOf('/') + 1) + "\","
                + "\"location\":\"" + LOCATION + "\",\"type\":\"Microsoft.ManagedIdentity/userAssignedIdentities\",\"properties\":{"
                + "\"tenantId\":\"7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e\",\"principalId\":\"" + principalId + "\",\"clientId\":\"" + UUID.randomUUID() + "\"}}")));
    }

    /** Microsoft Graph's application of a client ID, which answers a new password with this secret. */
    void application(String appId, String objectId, String newSecret) {
        String application = "{\"id\":\"" + objectId + "\",\"appId\":\"" + appId + "\",\"displayName\":\"aro-app\",\"passwordCredentials\":[]}";
        server.stubFor(get(urlPathEqualTo("/v1.0/applications")).withQueryParam("$filter", containing(appId))
                .willReturn(okJson("{\"value\":[" + application + "]}")));
        server.stubFor(get(urlPathEqualTo("/v1.0/applications/" + objectId)).willReturn(okJson(application)));
        server.stubFor(post(urlPathEqualTo("/v1.0/applications/" + objectId + "/microsoft.graph.addPassword"))
                .willReturn(okJson("{\"keyId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"aro\",\"secretText\":\"" + newSecret + "\","
                        + "\"startDateTime\":\"2026-01-01T00:00:00Z\",\"endDateTime\":\"2027-01-01T00:00:00Z\"}")));
        server.stubFor(patch(urlPathEqualTo("/v1.0/applications/" + objectId)).willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
