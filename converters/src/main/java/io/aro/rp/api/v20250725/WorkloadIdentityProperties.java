package io.aro.rp.api.v20250725;

import static io.aro.rp.api.Overlay.ifGiven;
import static io.aro.rp.api.external.ExternalJson.object;
import static io.aro.rp.api.external.ExternalJson.put;
import static io.aro.rp.api.external.ExternalJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ManagedServiceIdentity;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentity;
import io.aro.rp.api.PlatformWorkloadIdentityProfile;
import io.aro.rp.api.UserAssignedIdentity;
import io.aro.rp.api.external.ClusterConverter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What 2025-07-25 adds to the cluster: the cluster identity ({@code identity}), the operators' identities
 * ({@code platformWorkloadIdentityProfile}) and the OIDC issuer (read-only).
 *
 * <p>A request's identity maps replace the cluster's, as in ARO; the IDs the RP filled in for an identity
 * (client, principal and object IDs) stay while the request names the same resource.
 */
final class WorkloadIdentityProperties implements ClusterConverter.Part {

    @Override
    public void toExternal(OpenShiftCluster oc, ObjectNode ext) {
        ObjectNode properties = (ObjectNode) ext.get("properties");
        if (oc.getProperties().getClusterProfile().getOidcIssuer() != null) {
            properties.with("clusterProfile").put("oidcIssuer", oc.getProperties().getClusterProfile().getOidcIssuer());
        }
        PlatformWorkloadIdentityProfile pwip = oc.getProperties().getPlatformWorkloadIdentityProfile();
        if (pwip != null) {
            ObjectNode profile = properties.putObject("platformWorkloadIdentityProfile");
            put(profile, "upgradeableTo", pwip.getUpgradeableTo());
            ObjectNode identities = profile.putObject("platformWorkloadIdentities");
            pwip.getPlatformWorkloadIdentities().forEach((operator, identity) -> {
                ObjectNode entry = identities.putObject(operator);
                put(entry, "resourceId", identity.getResourceId());
                put(entry, "clientId", identity.getClientId());
                put(entry, "objectId", identity.getObjectId());
            });
        }
        ManagedServiceIdentity msi = oc.getIdentity();
        if (msi != null) {
            ObjectNode identity = ext.putObject("identity");
            put(identity, "type", msi.getType());
            put(identity, "principalId", msi.getPrincipalId());
            put(identity, "tenantId", msi.getTenantId());
            ObjectNode userAssigned = identity.putObject("userAssignedIdentities");
            msi.getUserAssignedIdentities().forEach((id, uai) -> {
                ObjectNode entry = userAssigned.putObject(id);
                put(entry, "clientId", uai.getClientId());
                put(entry, "principalId", uai.getPrincipalId());
            });
        }
    }

    @Override
    public void toInternal(JsonNode ext, OpenShiftCluster oc) {
        ObjectNode identity = object(ext, "identity");
        if (identity != null) {
            ManagedServiceIdentity target = oc.getIdentity() == null ? new ManagedServiceIdentity() : oc.getIdentity();
            ifGiven(text(identity, "type"), target::setType);
            ObjectNode userAssigned = object(identity, "userAssignedIdentities");
            if (userAssigned != null) {
                Map<String, UserAssignedIdentity> identities = new LinkedHashMap<>();
                userAssigned.fieldNames().forEachRemaining(id ->
                        identities.put(id, sameKey(target.getUserAssignedIdentities(), id, new UserAssignedIdentity())));
                target.setUserAssignedIdentities(identities);
            }
            oc.setIdentity(target);
        }
        ObjectNode pwip = object(object(ext, "properties"), "platformWorkloadIdentityProfile");
        if (pwip != null) {
            PlatformWorkloadIdentityProfile current = oc.getProperties().getPlatformWorkloadIdentityProfile();
            PlatformWorkloadIdentityProfile target = current == null ? new PlatformWorkloadIdentityProfile() : current;
            ifGiven(text(pwip, "upgradeableTo"), target::setUpgradeableTo);
            ObjectNode requested = object(pwip, "platformWorkloadIdentities");
            if (requested != null) {
                Map<String, PlatformWorkloadIdentity> identities = new LinkedHashMap<>();
                requested.fields().forEachRemaining(entry -> {
                    String resourceId = text(entry.getValue(), "resourceId");
                    PlatformWorkloadIdentity known = target.getPlatformWorkloadIdentities().get(entry.getKey());
                    PlatformWorkloadIdentity operator = known != null && resourceId != null && resourceId.equalsIgnoreCase(known.getResourceId())
                            ? known : new PlatformWorkloadIdentity();
                    operator.setResourceId(resourceId);
                    identities.put(entry.getKey(), operator);
                });
                target.setPlatformWorkloadIdentities(identities);
            }
            oc.getProperties().setPlatformWorkloadIdentityProfile(target);
        }
    }

    /** The entry of {@code current} whose key is {@code key} in any casing (resource IDs are case-insensitive), or {@code otherwise}. */
    private static <V> V sameKey(Map<String, V> current, String key, V otherwise) {
        return current.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst()
                .orElse(otherwise);
    }
}
