package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.PlatformWorkloadIdentityRoleSets;
import io.aro.rp.generated.admin.model.AdminPlatformWorkloadIdentityRoleSet;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin API's platform workload identity role sets (ARO's /admin/platformworkloadidentityrolesets):
 * per OpenShift minor version, the operators of a managed identity cluster, the roles their identities
 * need, the service accounts federated with them and the secrets their credentials go to.
 */
final class AdminRoleSets {
    private static final Pattern MINOR_VERSION = Pattern.compile("^\\d+\\.\\d+$");
    private static final Pattern ROLE_DEFINITION_ID = Pattern.compile(
            "^/providers/Microsoft\\.Authorization/roleDefinitions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$");

    private final PlatformWorkloadIdentityRoleSets roleSets;

    AdminRoleSets(PlatformWorkloadIdentityRoleSets roleSets) {
        this.roleSets = roleSets;
    }

    Response list() {
        return Response.ok(Map.of("value", roleSets.list().stream().map(AdminRoleSets::external).toList())).build();
    }

    Response get(String minorVersion) {
        return roleSets.get(minorVersion).map(r -> Response.ok(external(r)).build())
                .orElseThrow(() -> new CloudError(404, new CloudErrorBody(CloudErrorCodes.NOT_FOUND,
                        String.format("The platform workload identity role set '%s' was not found.", minorVersion), null, null)).toException());
    }

    Response put(AdminPlatformWorkloadIdentityRoleSet body) {
        ObjectNode json = body == null || body.getProperties() == null ? null : FrontendJson.MAPPER.valueToTree(body.getProperties());
        if (json == null) {
            throw ValidationErrors.invalidParameter("properties", "The role set's properties are required.");
        }
        PlatformWorkloadIdentityRoleSet roleSet = FrontendJson.MAPPER.convertValue(json, PlatformWorkloadIdentityRoleSet.class);
        validate(roleSet);
        return Response.ok(external(roleSets.put(roleSet))).build();
    }

    private static void validate(PlatformWorkloadIdentityRoleSet roleSet) {
        if (roleSet.getOpenShiftVersion() == null || !MINOR_VERSION.matcher(roleSet.getOpenShiftVersion()).matches()) {
            throw ValidationErrors.invalidParameter("properties.openShiftVersion", "The provided minor version '%s' is invalid: must be major.minor.",
                    roleSet.getOpenShiftVersion());
        }
        List<PlatformWorkloadIdentityRole> roles = roleSet.getPlatformWorkloadIdentityRoles();
        if (roles == null || roles.isEmpty()) {
            throw ValidationErrors.invalidParameter("properties.platformWorkloadIdentityRoles", "A role set needs at least one operator.");
        }
        Set<String> operators = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            PlatformWorkloadIdentityRole role = roles.get(i);
            String at = "properties.platformWorkloadIdentityRoles[" + i + "]";
            if (role.getOperatorName() == null || role.getOperatorName().isBlank() || !operators.add(role.getOperatorName())) {
                throw ValidationErrors.invalidParameter(at + ".operatorName", "The operator name '%s' is empty or repeated.", role.getOperatorName());
            }
            if (role.getRoleDefinitionName() == null || role.getRoleDefinitionName().isBlank()) {
                throw ValidationErrors.invalidParameter(at + ".roleDefinitionName", "The role definition name is required.");
            }
            if (role.getRoleDefinitionId() == null || !ROLE_DEFINITION_ID.matcher(role.getRoleDefinitionId()).matches()) {
                throw ValidationErrors.invalidParameter(at + ".roleDefinitionId", "The provided role definition ID '%s' is invalid.", role.getRoleDefinitionId());
            }
            if (role.getServiceAccounts() == null || role.getServiceAccounts().isEmpty()) {
                throw ValidationErrors.invalidParameter(at + ".serviceAccounts", "An operator needs at least one service account.");
            }
            for (String account : role.getServiceAccounts()) {
                if (account == null || !SERVICE_ACCOUNT.matcher(account).matches()) {
                    throw ValidationErrors.invalidParameter(at + ".serviceAccounts",
                            "The provided service account '%s' is invalid: must be system:serviceaccount:<namespace>:<name>.", account);
                }
            }
            if (role.getSecretLocation() == null || isBlank(role.getSecretLocation().getNamespace()) || isBlank(role.getSecretLocation().getName())) {
                throw ValidationErrors.invalidParameter(at + ".secretLocation", "The secret location needs a namespace and a name.");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, Object> external(PlatformWorkloadIdentityRoleSet roleSet) {
        return Map.of("id", roleSet.getOpenShiftVersion(), "properties", roleSet);
    }
}
