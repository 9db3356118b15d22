package io.aro.rp.api.v20250725;

import static io.aro.rp.api.external.ExternalJson.object;
import static io.aro.rp.api.external.ExternalJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.external.ClusterUpdateValidator;
import io.aro.rp.api.validate.ValidationErrors;
import java.util.Iterator;
import java.util.Map;

/**
 * An update may add operator identities (for an upgrade) but not remove one, rename it or point it at
 * another identity: the cluster's operators hold federated credentials on those identities.
 */
final class WorkloadIdentityUpdates implements ClusterUpdateValidator {
    private static final String IDENTITIES = "properties.platformWorkloadIdentityProfile.platformWorkloadIdentities";

    @Override
    public void validate(ObjectNode requested, ObjectNode current) {
        ObjectNode currentIdentities = object(object(object(current, "properties"), "platformWorkloadIdentityProfile"), "platformWorkloadIdentities");
        if (currentIdentities == null) {
            return;
        }
        ObjectNode requestedIdentities = object(object(object(requested, "properties"), "platformWorkloadIdentityProfile"),
                "platformWorkloadIdentities");
        for (Iterator<Map.Entry<String, JsonNode>> it = currentIdentities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode now = requestedIdentities == null ? null : requestedIdentities.get(entry.getKey());
            if (now == null) {
                throw ValidationErrors.badRequest(CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED, IDENTITIES,
                        "Operator identity cannot be removed or have its name changed.");
            }
            String resourceId = text(now, "resourceId");
            if (resourceId == null || !resourceId.equalsIgnoreCase(text(entry.getValue(), "resourceId"))) {
                throw ValidationErrors.badRequest(CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED, IDENTITIES + "['" + entry.getKey() + "'].resourceId",
                        "Operator identity resource ID cannot be changed.");
            }
        }
    }
}
