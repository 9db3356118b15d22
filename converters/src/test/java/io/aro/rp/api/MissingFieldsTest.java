package io.aro.rp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MissingFieldsTest {
    @Test
    void fieldsOfANewerRpSurviveAReadModifyWrite() throws Exception {
        String written = """
                {"id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.RedHatOpenShift/openShiftClusters/c",
                 "futureTopLevel":{"a":[1,2,{"b":null}]},
                 "properties":{"provisioningState":"Creating","futureState":"Migrating",
                   "networkProfile":{"podCidr":"10.128.0.0/14","futureMtu":3900},
                   "workerProfiles":[{"name":"worker","count":3,"futureZones":["1","2"]}]}}""";

        OpenShiftCluster oc = ExampleRequests.JSON.readValue(written, OpenShiftCluster.class);
        oc.getProperties().setProvisioningState(ProvisioningState.SUCCEEDED);
        oc.getProperties().getWorkerProfiles().get(0).setCount(4);
        JsonNode rewritten = ExampleRequests.JSON.valueToTree(oc);

        assertEquals(ExampleRequests.JSON.readTree("{\"a\":[1,2,{\"b\":null}]}"), rewritten.get("futureTopLevel"));
        assertEquals("Migrating", rewritten.at("/properties/futureState").asText());
        assertEquals(3900, rewritten.at("/properties/networkProfile/futureMtu").asInt());
        assertEquals("[\"1\",\"2\"]", rewritten.at("/properties/workerProfiles/0/futureZones").toString());
        assertEquals("Succeeded", rewritten.at("/properties/provisioningState").asText());
        assertEquals(4, rewritten.at("/properties/workerProfiles/0/count").asInt());
    }
}
