package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ResourceNames;
import java.util.List;

/** The OpenShift versions new clusters can be created with in a location, as openShiftVersions lists and gets them. */
public final class OpenShiftVersionConverter {
    private OpenShiftVersionConverter() {
    }

    public static ObjectNode toExternal(String subscriptionId, String location, String version) {
        ObjectNode resource = ExternalJson.MAPPER.createObjectNode()
                .put("id", "/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/"
                        + location + "/openShiftVersions/" + version)
                .put("name", version)
                .put("type", ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/openShiftVersions");
        resource.putObject("properties").put("version", version);
        return resource;
    }

    public static ObjectNode listToExternal(String subscriptionId, String location, List<String> versions) {
        ObjectNode list = ExternalJson.MAPPER.createObjectNode();
        ArrayNode value = list.putArray("value");
        versions.forEach(version -> value.add(toExternal(subscriptionId, location, version)));
        return list;
    }
}
