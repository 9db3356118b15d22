package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.ResourceNames;
import java.util.List;

/** The role sets of a location as platformWorkloadIdentityRoleSets lists and gets them: roles only, not service accounts. */
public final class PlatformWorkloadIdentityRoleSetConverter {
    private PlatformWorkloadIdentityRoleSetConverter() {
    }

    public static ObjectNode toExternal(String subscriptionId, String location, PlatformWorkloadIdentityRoleSet roleSet) {
        String minor = roleSet.getOpenShiftVersion();
        ObjectNode resource = ExternalJson.MAPPER.createObjectNode()
                .put("id", "/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/"
                        + location + "/platformWorkloadIdentityRoleSets/" + minor)
                .put("name", minor)
                .put("type", ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/platformWorkloadIdentityRoleSets");
        ObjectNode properties = resource.putObject("properties").put("openShiftVersion", minor);
        ArrayNode roles = properties.putArray("platformWorkloadIdentityRoles");
        for (PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole role : roleSet.getPlatformWorkloadIdentityRoles()) {
            roles.addObject()
                    .put("operatorName", role.getOperatorName())
                    .put("roleDefinitionName", role.getRoleDefinitionName())
                    .put("roleDefinitionId", role.getRoleDefinitionId());
        }
        return resource;
    }

    public static ObjectNode listToExternal(String subscriptionId, String location, List<PlatformWorkloadIdentityRoleSet> roleSets) {
        ObjectNode list = ExternalJson.MAPPER.createObjectNode();
        ArrayNode value = list.putArray("value");
        roleSets.forEach(roleSet -> value.add(toExternal(subscriptionId, location, roleSet)));
        return list;
    }
}
