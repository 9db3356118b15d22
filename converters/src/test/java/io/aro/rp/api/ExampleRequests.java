package io.aro.rp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.external.ExternalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The create request of each API version's CreateOrUpdate example in swagger/, the valid cluster the tests start from. */
public final class ExampleRequests {
    /** Reads and writes the external models as the frontend does: absent properties are left out. */
    public static final ObjectMapper JSON = ExternalJson.MAPPER;
    private static final Path EXAMPLES = Path.of("..", "swagger", "specification", "redhatopenshift", "resource-manager",
            "Microsoft.RedHatOpenShift", "OpenShiftClusters", "stable");

    private ExampleRequests() {
    }

    /** The example's request parameters (api-version, subscriptionId, ..., parameters). */
    public static ObjectNode parameters(String apiVersion) {
        try {
            JsonNode example = JSON.readTree(EXAMPLES.resolve(apiVersion).resolve("examples/OpenShiftClusters_CreateOrUpdate.json").toFile());
            return (ObjectNode) example.get("parameters").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster in the example's request body. */
    public static ObjectNode body(String apiVersion) {
        return (ObjectNode) parameters(apiVersion).get("parameters");
    }

    /**
     * The example cluster of {@code apiVersion} authenticating with a service principal: a version whose
     * example uses managed identities gets the service principal of the newest version whose example has one.
     */
    public static ObjectNode servicePrincipalBody(String apiVersion) {
        ObjectNode body = body(apiVersion);
        if (body.at("/properties/servicePrincipalProfile").isObject()) {
            return body;
        }
        String withServicePrincipal = ApiVersions.all().stream().map(ApiVersion::name).filter(v -> v.compareTo(apiVersion) < 0)
                .filter(v -> body(v).at("/properties/servicePrincipalProfile").isObject()).reduce((a, b) -> b).orElseThrow();
        body.remove("identity");
        ObjectNode properties = (ObjectNode) body.get("properties");
        properties.remove("platformWorkloadIdentityProfile");
        properties.set("servicePrincipalProfile", body(withServicePrincipal).at("/properties/servicePrincipalProfile"));
        return body;
    }

    /** {@code body} as the frontend receives it in {@code api}: read into the version's generated model. */
    public static ObjectNode request(ApiVersion api, ObjectNode body) {
        return api.normalize(body);
    }

    /** The validation context of the example's URL, with an RP in eastus whose managed domain is eastus.aroapp.io. */
    public static ValidationContext context(String apiVersion) {
        ObjectNode p = parameters(apiVersion);
        return new ValidationContext(p.get("subscriptionId").asText(), p.get("resourceGroupName").asText(),
                p.get("resourceName").asText(), "eastus", "eastus.aroapp.io");
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
