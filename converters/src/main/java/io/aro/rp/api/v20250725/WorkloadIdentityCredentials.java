package io.aro.rp.api.v20250725;

import static io.aro.rp.api.external.ExternalJson.object;
import static io.aro.rp.api.external.ExternalJson.text;
import static io.aro.rp.api.validate.ValidationErrors.invalidParameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ManagedServiceIdentity;
import io.aro.rp.api.external.ClusterStaticValidator;
import io.aro.rp.api.validate.ResourceIds;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a 2025-07-25 cluster authenticates (ARO's validatePlatformIdentities): a service principal, or
 * managed identities (one user-assigned cluster identity and an identity per operator), never both.
 */
final class WorkloadIdentityCredentials implements ClusterStaticValidator.Credentials {
    private static final String SPP = "properties.servicePrincipalProfile";
    private static final String PWIP = "properties.platformWorkloadIdentityProfile";
    private static final String IDENTITIES = PWIP + ".platformWorkloadIdentities";
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");

    @Override
    public void validate(ObjectNode oc, boolean isCreate) {
        ObjectNode properties = object(oc, "properties");
        ObjectNode spp = object(properties, "servicePrincipalProfile");
        ObjectNode pwip = object(properties, "platformWorkloadIdentityProfile");
        ObjectNode identity = object(oc, "identity");
        if (pwip == null && spp == null) {
            throw invalidParameter(SPP, "Must provide either an identity or service principal credentials.");
        }
        if (pwip != null && spp != null && (text(spp, "clientId") != null || text(spp, "clientSecret") != null)) {
            throw invalidParameter(SPP, "Cannot use identities and service principal credentials at the same time.");
        }
        if ((identity != null) != (pwip != null)) {
            throw invalidParameter("identity", "Cluster identity and platform workload identities require each other.");
        }
        if (pwip == null) {
            ClusterStaticValidator.servicePrincipal(spp, isCreate);
            return;
        }
        validateClusterIdentity(identity);
        validatePlatformWorkloadIdentities(pwip);
    }

    private static void validateClusterIdentity(ObjectNode identity) {
        String type = text(identity, "type");
        if (!ManagedServiceIdentity.USER_ASSIGNED.equals(type)) {
            throw invalidParameter("identity.type", "The provided cluster identity type '%s' is invalid: must be UserAssigned.", type);
        }
        ObjectNode userAssigned = object(identity, "userAssignedIdentities");
        if (userAssigned == null || userAssigned.size() != 1) {
            throw invalidParameter("identity", "The provided cluster identity is invalid; there should be exactly one.");
        }
        String id = userAssigned.fieldNames().next();
        if (ResourceIds.userAssignedIdentitySubscription(id).isEmpty()) {
            throw invalidParameter("identity.userAssignedIdentities", "The provided cluster identity '%s' is invalid: must be a user-assigned identity.", id);
        }
    }

    private static void validatePlatformWorkloadIdentities(ObjectNode pwip) {
        ObjectNode identities = object(pwip, "platformWorkloadIdentities");
        if (identities == null || identities.isEmpty()) {
            throw invalidParameter(IDENTITIES, "The set of platform workload identities cannot be empty.");
        }
        Set<String> resourceIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = identities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = IDENTITIES + "['" + entry.getKey() + "'].resourceId";
            if (entry.getKey().isBlank()) {
                throw invalidParameter(at, "Operator name is empty.");
            }
            String resourceId = text(entry.getValue(), "resourceId");
            if (ResourceIds.userAssignedIdentitySubscription(resourceId).isEmpty()) {
                throw invalidParameter(at, "The provided resource ID '%s' is invalid: must be a user-assigned identity.", resourceId);
            }
            if (!resourceIds.add(resourceId.toLowerCase(Locale.ROOT))) {
                throw invalidParameter(IDENTITIES, "ResourceID %s used by multiple identities.", resourceId.toLowerCase(Locale.ROOT));
            }
        }
        String upgradeableTo = text(pwip, "upgradeableTo");
        if (upgradeableTo != null && !VERSION.matcher(upgradeableTo).matches()) {
            throw invalidParameter(PWIP + ".upgradeableTo", "UpgradeableTo must be a valid OpenShift version in the format 'x.y.z'.");
        }
    }
}
