package io.aro.rp.api.v20200430;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import org.junit.jupiter.api.Test;

class OpenShiftClusterConverterTest {
    private static final String VERSION = "2020-04-30";
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
        assertEquals(SecureString.of("example-client-secret"), internal.getProperties().getServicePrincipalProfile().getClientSecret());
        assertFalse(back.toString().contains("example-client-secret"));
        assertFalse(back.toString().contains("pullSecret"));
    }

    @Test
    void propertiesTheRpSetsAreIgnoredInARequestThoughTheSpecDoesNotMarkThemReadOnly() {
        ObjectNode request = ExampleRequests.body(VERSION);
        ObjectNode p = (ObjectNode) request.get("properties");
        p.put("provisioningState", "Failed");
        p.putObject("consoleProfile").put("url", "https://console.evil.example/");
        ((ObjectNode) p.get("apiserverProfile")).put("url", "https://api.evil.example/").put("ip", "203.0.113.1");
        ((ObjectNode) p.at("/ingressProfiles/0")).put("ip", "203.0.113.2");

        io.aro.rp.api.OpenShiftCluster internal = new io.aro.rp.api.OpenShiftCluster();
        internal.getProperties().setProvisioningState(ProvisioningState.UPDATING);
        converter.toInternal(ExampleRequests.read(request, OpenShiftCluster.class), internal);

        assertEquals(ProvisioningState.UPDATING, internal.getProperties().getProvisioningState());
        assertNull(internal.getProperties().getConsoleProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getUrl());
        assertNull(internal.getProperties().getApiserverProfile().getIp());
        assertNull(internal.getProperties().getIngressProfiles().get(0).getIp());
    }
}
