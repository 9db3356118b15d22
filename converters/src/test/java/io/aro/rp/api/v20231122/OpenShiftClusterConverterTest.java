package io.aro.rp.api.v20231122;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.EncryptionAtHost;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.FipsValidatedModules;
import io.aro.rp.api.OutboundType;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.SystemData;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenShiftClusterConverterTest {
    private static final String VERSION = "2023-11-22";
    private final OpenShiftClusterConverter converter = new OpenShiftClusterConverter();

    @Test
    void roundTripKeepsEveryWritablePropertyAndDropsSecrets() {
        ObjectNode request = ExampleRequests.body(VERSION);
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(request, OpenShiftCluster.class), internal);

        JsonNode back = ExampleRequests.JSON.valueToTree(converter.toExternal(internal));

        ObjectNode expected = request.deepCopy();
        ((ObjectNode) expected.at("/properties/clusterProfile")).remove("pullSecret");
        ((ObjectNode) expected.at("/properties/servicePrincipalProfile")).remove("clientSecret");
        assertEquals(expected, back);
    }

    @Test
    void toInternalKeepsSecretsAsSecureStrings() {
        ObjectNode request = ExampleRequests.body(VERSION);
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(request, OpenShiftCluster.class), internal);

        assertEquals(SecureString.of("example-client-secret"), internal.getProperties().getServicePrincipalProfile().getClientSecret());
        assertEquals(request.at("/properties/clusterProfile/pullSecret").asText(),
                internal.getProperties().getClusterProfile().getPullSecret().reveal());
    }

    @Test
    void toExternalNeverContainsASecret() {
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(ExampleRequests.body(VERSION), OpenShiftCluster.class), internal);
        internal.getProperties().setKubeadminPassword(SecureString.of("kubeadmin-password-value"));
        internal.getProperties().setAdminKubeconfig(SecureString.of("kubeconfig-value"));

        String json = ExampleRequests.JSON.valueToTree(converter.toExternal(internal)).toString();

        for (String secret : new String[] {"example-client-secret", "ZXhhbXBsZTpleGFtcGxl", "kubeadmin-password-value", "kubeconfig-value"}) {
            assertFalse(json.contains(secret), "response contains " + secret + ": " + json);
        }
        assertFalse(json.contains("clientSecret"));
        assertFalse(json.contains("pullSecret"));
    }

    @Test
    void readOnlyPropertiesInARequestAreIgnored() {
        ObjectNode request = ExampleRequests.body(VERSION);
        ObjectNode p = (ObjectNode) request.get("properties");
        p.put("provisioningState", "Succeeded");
        p.putObject("consoleProfile").put("url", "https://console.evil.example/");
        ((ObjectNode) p.get("apiserverProfile")).put("url", "https://api.evil.example/").put("ip", "203.0.113.1");
        ((ObjectNode) p.at("/ingressProfiles/0")).put("ip", "203.0.113.2");
        p.putArray("workerProfilesStatus").addObject().put("name", "injected").put("count", 99);
        ((ObjectNode) p.at("/networkProfile/loadBalancerProfile")).putArray("effectiveOutboundIps").addObject().put("id", "/injected");
        request.putObject("systemData").put("createdBy", "attacker@example.com");

        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        internal.getProperties().setProvisioningState(ProvisioningState.CREATING);
        converter.toInternal(ExampleRequests.read(request, OpenShiftCluster.class), internal);

        assertEquals(ProvisioningState.CREATING, internal.getProperties().getProvisioningState());
        assertNull(internal.getProperties().getConsoleProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getIp());
        assertNull(internal.getProperties().getIngressProfiles().get(0).getIp());
        assertTrue(internal.getProperties().getWorkerProfilesStatus().isEmpty());
        assertTrue(internal.getProperties().getNetworkProfile().getLoadBalancerProfile().getEffectiveOutboundIps().isEmpty());
        assertNull(internal.getSystemData());
    }

    @Test
    void aPropertyTheRequestLeavesOutKeepsItsValue() {
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(ExampleRequests.body(VERSION), OpenShiftCluster.class), internal);
        internal.getProperties().getClusterProfile().setVersion("4.14.38");

        ObjectNode update = ExampleRequests.body(VERSION);
        ((ObjectNode) update.at("/properties/servicePrincipalProfile")).remove("clientSecret");
        ((ObjectNode) update.at("/properties/clusterProfile")).remove("pullSecret");
        ((ObjectNode) update.get("properties")).remove("networkProfile");
        ((ObjectNode) update.at("/properties/workerProfiles/0")).remove("vmSize");
        ((ObjectNode) update.at("/properties/workerProfiles/0")).put("count", 5);
        update.remove("tags");
        converter.toInternal(ExampleRequests.read(update, OpenShiftCluster.class), internal);

        assertEquals("4.14.38", internal.getProperties().getClusterProfile().getVersion());
        assertEquals(SecureString.of("example-client-secret"), internal.getProperties().getServicePrincipalProfile().getClientSecret());
        assertEquals("10.128.0.0/14", internal.getProperties().getNetworkProfile().getPodCidr());
        assertEquals("Standard_D4s_v3", internal.getProperties().getWorkerProfiles().get(0).getVmSize());
        assertEquals(5, internal.getProperties().getWorkerProfiles().get(0).getCount());
        assertTrue(internal.getTags().isEmpty(), "tags are replaced as a whole");
    }

    @Test
    void toExternalShowsWhatTheRpRecorded() {
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(ExampleRequests.body(VERSION), OpenShiftCluster.class), internal);
        internal.setId("/subscriptions/x/resourceGroups/y/providers/Microsoft.RedHatOpenShift/openShiftClusters/z");
        internal.getProperties().setProvisioningState(ProvisioningState.CANCELED);
        internal.getProperties().getApiserverProfile().setUrl("https://api.example.contoso.com:6443/");
        SystemData sd = new SystemData();
        sd.setCreatedBy("user@example.com");
        sd.setCreatedByType("User");
        sd.setCreatedAt(Instant.parse("2026-11-02T09:15:00Z"));
        internal.setSystemData(sd);

        OpenShiftCluster ext = converter.toExternal(internal);

        assertEquals(internal.getId(), ext.getId());
        assertEquals("Canceled", ext.getProperties().getProvisioningState().toString());
        assertEquals("https://api.example.contoso.com:6443/", ext.getProperties().getApiserverProfile().getUrl());
        assertEquals("user@example.com", ext.getSystemData().getCreatedBy());
        assertEquals("2026-11-02T09:15Z", ext.getSystemData().getCreatedAt().toString());
    }

    @Test
    void unknownEnumValuesDeserializeSoThatValidationCanNameThem() {
        ObjectNode request = ExampleRequests.body(VERSION);
        ((ObjectNode) request.at("/properties/networkProfile")).put("outboundType", "Satellite");

        OpenShiftCluster ext = ExampleRequests.read(request, OpenShiftCluster.class);

        assertEquals("Satellite", ext.getProperties().getNetworkProfile().getOutboundType().toString());
        assertFalse(ext.getProperties().getNetworkProfile().getOutboundType().isKnown());
        assertTrue(ext.getProperties().getMasterProfile().getEncryptionAtHost().isKnown());
    }

    @Test
    void newerPropertiesSurviveARoundTripThroughTheOlderVersion() {
        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        ObjectNode request = ExampleRequests.body(VERSION);
        ((ObjectNode) request.at("/properties/clusterProfile")).put("fipsValidatedModules", "Enabled");
        ((ObjectNode) request.at("/properties/masterProfile")).put("encryptionAtHost", "Enabled");
        ((ObjectNode) request.at("/properties/workerProfiles/0")).put("encryptionAtHost", "Enabled");
        converter.toInternal(ExampleRequests.read(request, OpenShiftCluster.class), internal);
        JsonNode before = ExampleRequests.JSON.valueToTree(converter.toExternal(internal));

        io.aro.rp.api.v20200430.OpenShiftClusterConverter older = new io.aro.rp.api.v20200430.OpenShiftClusterConverter();
        older.toInternal(older.toExternal(internal), internal);

        assertEquals(before, ExampleRequests.JSON.valueToTree(converter.toExternal(internal)));
        assertEquals(FipsValidatedModules.ENABLED, internal.getProperties().getClusterProfile().getFipsValidatedModules());
        assertEquals(EncryptionAtHost.ENABLED, internal.getProperties().getWorkerProfiles().get(0).getEncryptionAtHost());
        assertEquals(OutboundType.LOADBALANCER, internal.getProperties().getNetworkProfile().getOutboundType());
    }
}
