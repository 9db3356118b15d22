package io.aro.rp.api.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.EffectiveOutboundIP;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterDefaults;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.SystemData;
import io.aro.rp.api.WorkerProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The shared cluster converter, through every registered API version. */
class ClusterConverterTest {
    static final List<ApiVersion> VERSIONS = ApiVersions.all();

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void roundTripKeepsEveryWritablePropertyAndDropsSecrets(ApiVersion api) {
        ObjectNode request = ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name()));
        OpenShiftCluster internal = new OpenShiftCluster();
        api.converter().toInternal(request, internal);

        ObjectNode back = api.toExternal(internal);

        ObjectNode expected = request.deepCopy();
        ((ObjectNode) expected.at("/properties/clusterProfile")).remove("pullSecret");
        ((ObjectNode) expected.at("/properties/servicePrincipalProfile")).remove("clientSecret");
        assertEquals(expected, back);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void toInternalKeepsSecretsAsSecureStrings(ApiVersion api) {
        ObjectNode request = ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name()));
        OpenShiftCluster internal = new OpenShiftCluster();
        api.converter().toInternal(request, internal);

        assertEquals(SecureString.of(request.at("/properties/servicePrincipalProfile/clientSecret").asText()),
                internal.getProperties().getServicePrincipalProfile().getClientSecret());
        assertEquals(request.at("/properties/clusterProfile/pullSecret").asText(), internal.getProperties().getClusterProfile().getPullSecret().reveal());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void toExternalNeverContainsASecret(ApiVersion api) {
        ObjectNode request = ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name()));
        OpenShiftCluster internal = new OpenShiftCluster();
        api.converter().toInternal(request, internal);
        internal.getProperties().setKubeadminPassword(SecureString.of("kubeadmin-password-value"));
        internal.getProperties().setAdminKubeconfig(SecureString.of("kubeconfig-value"));

        String json = api.toExternal(internal).toString();

        for (String secret : List.of(request.at("/properties/servicePrincipalProfile/clientSecret").asText(),
                request.at("/properties/clusterProfile/pullSecret").asText(), "kubeadmin-password-value", "kubeconfig-value")) {
            assertFalse(json.contains(secret), "response contains " + secret + ": " + json);
        }
        assertFalse(json.contains("clientSecret"));
        assertFalse(json.contains("pullSecret"));
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void readOnlyPropertiesInARequestAreIgnored(ApiVersion api) {
        ObjectNode body = ExampleRequests.servicePrincipalBody(api.name());
        ObjectNode p = (ObjectNode) body.get("properties");
        p.put("provisioningState", "Succeeded");
        p.putObject("consoleProfile").put("url", "https://console.evil.example/");
        ((ObjectNode) p.get("apiserverProfile")).put("url", "https://api.evil.example/").put("ip", "203.0.113.1");
        ((ObjectNode) p.at("/ingressProfiles/0")).put("ip", "203.0.113.2");
        p.putArray("workerProfilesStatus").addObject().put("name", "injected").put("count", 99);
        p.with("networkProfile").with("loadBalancerProfile").putArray("effectiveOutboundIps").addObject().put("id", "/injected");
        body.putObject("systemData").put("createdBy", "attacker@example.com");

        OpenShiftCluster internal = new OpenShiftCluster();
        internal.getProperties().setProvisioningState(ProvisioningState.CREATING);
        api.converter().toInternal(ExampleRequests.request(api, body), internal);

        assertEquals(ProvisioningState.CREATING, internal.getProperties().getProvisioningState());
        assertNull(internal.getProperties().getConsoleProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getIp());
        assertNull(internal.getProperties().getIngressProfiles().get(0).getIp());
        assertTrue(internal.getProperties().getWorkerProfilesStatus().isEmpty());
        assertTrue(internal.getProperties().getNetworkProfile().getLoadBalancerProfile() == null
                || internal.getProperties().getNetworkProfile().getLoadBalancerProfile().getEffectiveOutboundIps().isEmpty());
        assertNull(internal.getSystemData());
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void aPropertyTheRequestLeavesOutKeepsItsValue(ApiVersion api) {
        OpenShiftCluster internal = new OpenShiftCluster();
        api.converter().toInternal(ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name())), internal);
        internal.getProperties().getClusterProfile().setVersion("4.14.38");
        String podCidr = internal.getProperties().getNetworkProfile().getPodCidr();
        String workerSize = internal.getProperties().getWorkerProfiles().get(0).getVmSize();

        ObjectNode update = ExampleRequests.servicePrincipalBody(api.name());
        ((ObjectNode) update.at("/properties/servicePrincipalProfile")).remove("clientSecret");
        ((ObjectNode) update.at("/properties/clusterProfile")).remove("pullSecret");
        ((ObjectNode) update.at("/properties/clusterProfile")).remove("version");
        ((ObjectNode) update.get("properties")).remove("networkProfile");
        ((ObjectNode) update.at("/properties/workerProfiles/0")).remove("vmSize");
        ((ObjectNode) update.at("/properties/workerProfiles/0")).put("count", 5);
        update.remove("tags");
        api.converter().toInternal(ExampleRequests.request(api, update), internal);

        assertEquals("4.14.38", internal.getProperties().getClusterProfile().getVersion());
        assertEquals(SecureString.of(ExampleRequests.servicePrincipalBody(api.name()).at("/properties/servicePrincipalProfile/clientSecret").asText()),
                internal.getProperties().getServicePrincipalProfile().getClientSecret());
        assertEquals(podCidr, internal.getProperties().getNetworkProfile().getPodCidr());
        assertEquals(workerSize, internal.getProperties().getWorkerProfiles().get(0).getVmSize());
        assertEquals(5, internal.getProperties().getWorkerProfiles().get(0).getCount());
        assertTrue(internal.getTags().isEmpty(), "tags are replaced as a whole");
    }

    @Test
    void toExternalShowsWhatTheRpRecorded() {
        ApiVersion api = ApiVersions.latest();
        OpenShiftCluster internal = new OpenShiftCluster();
        api.converter().toInternal(ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name())), internal);
        internal.setId("/subscriptions/x/resourceGroups/y/providers/Microsoft.RedHatOpenShift/openShiftClusters/z");
        internal.getProperties().setProvisioningState(ProvisioningState.CANCELED);
        internal.getProperties().getApiserverProfile().setUrl("https://api.example.contoso.com:6443/");
        SystemData sd = new SystemData();
        sd.setCreatedBy("user@example.com");
        sd.setCreatedByType("User");
        sd.setCreatedAt(Instant.parse("2026-11-02T09:15:00Z"));
        internal.setSystemData(sd);

        ObjectNode ext = api.toExternal(internal);

        assertEquals(internal.getId(), ext.get("id").asText());
        assertEquals("Canceled", ext.at("/properties/provisioningState").asText());
        assertEquals("https://api.example.contoso.com:6443/", ext.at("/properties/apiserverProfile/url").asText());
        assertEquals("user@example.com", ext.at("/systemData/createdBy").asText());
        assertEquals("2026-11-02T09:15:00Z", ext.at("/systemData/createdAt").asText());
    }

    @Test
    void aVersionShowsOnlyThePropertiesItKnows() {
        OpenShiftCluster internal = everyPropertySet();

        ObjectNode oldest = ApiVersions.all().get(0).toExternal(internal);

        assertTrue(oldest.at("/properties/clusterProfile/fipsValidatedModules").isMissingNode(), oldest.toString());
        assertTrue(oldest.at("/properties/networkProfile/outboundType").isMissingNode());
        assertTrue(oldest.at("/properties/workerProfilesStatus").isMissingNode());
        assertTrue(oldest.at("/systemData").isMissingNode());
        assertEquals("Standard_D8s_v3", oldest.at("/properties/masterProfile/vmSize").asText());
    }

    /**
     * A read-modify-write through any older version (a GET, then a PUT of what it returned) leaves every
     * property that only newer versions know as it was.
     */
    @ParameterizedTest
    @FieldSource("VERSIONS")
    void newerPropertiesSurviveAReadModifyWriteThroughEveryVersion(ApiVersion api) {
        OpenShiftCluster internal = everyPropertySet();
        JsonNode before = ExternalJson.MAPPER.valueToTree(internal);

        api.converter().toInternal(api.normalize(api.toExternal(internal)), internal);

        assertEquals(before, ExternalJson.MAPPER.valueToTree(internal));
    }

    /** A cluster created through the newest version with every optional property set, then installed. */
    private static OpenShiftCluster everyPropertySet() {
        ApiVersion latest = ApiVersions.latest();
        ObjectNode body = ExampleRequests.servicePrincipalBody(latest.name());
        ObjectNode p = (ObjectNode) body.get("properties");
        p.with("clusterProfile").put("fipsValidatedModules", "Enabled");
        p.with("masterProfile").put("encryptionAtHost", "Enabled");
        ((ObjectNode) p.at("/workerProfiles/0")).put("encryptionAtHost", "Enabled");
        p.with("networkProfile").put("preconfiguredNSG", "Enabled");
        p.with("networkProfile").with("loadBalancerProfile").with("managedOutboundIps").put("count", 3);
        OpenShiftCluster internal = new OpenShiftCluster();
        internal.setId("/subscriptions/x/resourceGroups/y/providers/Microsoft.RedHatOpenShift/openShiftClusters/z");
        latest.converter().toInternal(ExampleRequests.request(latest, body), internal);
        OpenShiftClusterDefaults.apply(internal);
        internal.getProperties().setProvisioningState(ProvisioningState.SUCCEEDED);
        internal.getProperties().getConsoleProfile().setUrl("https://console-openshift-console.apps.example.com/");
        WorkerProfile status = new WorkerProfile();
        status.setName("example-worker-eastus1");
        status.setCount(1);
        internal.getProperties().setWorkerProfilesStatus(List.of(status));
        EffectiveOutboundIP ip = new EffectiveOutboundIP();
        ip.setId("/subscriptions/x/resourceGroups/z/providers/Microsoft.Network/publicIPAddresses/ip");
        internal.getProperties().getNetworkProfile().getLoadBalancerProfile().setEffectiveOutboundIps(List.of(ip));
        SystemData sd = new SystemData();
        sd.setCreatedBy("user@example.com");
        internal.setSystemData(sd);
        return internal;
    }
}
