package io.aro.rp.cloud.azure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.authorization.fluent.models.PermissionInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role that deploy/ asks operators to give the RP's identity in the subscriptions it serves allows what
 * the template and the calls of AzureClusterCloud need (the delegation in the RP's own DNS zone is DNS Zone
 * Contributor there, see docs/azure.md).
 */
class RpRoleDefinitionTest {
    private static final Path ROLE = Path.of("..", "deploy", "rp-role-definition.json");

    private static List<PermissionInner> role() throws IOException {
        JsonNode role = new ObjectMapper().readTree(ROLE.toFile());
        List<String> actions = new ArrayList<>();
        role.path("Actions").forEach(a -> actions.add(a.asText()));
        List<String> notActions = new ArrayList<>();
        role.path("NotActions").forEach(a -> notActions.add(a.asText()));
        return List.of(new PermissionInner().withActions(actions).withNotActions(notActions));
    }

    @Test
    void theRoleAllowsWritingEveryResourceTheTemplatesDeploy() throws IOException {
        Set<String> types = new LinkedHashSet<>();
        for (String template : List.of("storage.json")) {
            for (Object resource : (List<?>) TemplateDeployments.template(template).get("resources")) {
                types.add((String) ((Map<?, ?>) resource).get("type"));
            }
        }
        assertTrue(types.size() >= 3, types.toString());
        List<PermissionInner> role = role();
        for (String type : types) {
            assertTrue(DynamicValidator.allowed(role, type + "/write"), type + "/write");
            assertTrue(DynamicValidator.allowed(role, type + "/read"), type + "/read");
        }
    }

    @Test
    void theRoleAllowsTheCallsOutsideTemplates() throws IOException {
        List<PermissionInner> role = role();
        List<String> needed = new ArrayList<>(DynamicValidator.NETWORK_ACTIONS);
        needed.addAll(List.of(
                "Microsoft.Resources/subscriptions/resourceGroups/write",
                "Microsoft.Resources/subscriptions/resourceGroups/delete",
                "Microsoft.Resources/deployments/write",
                "Microsoft.Authorization/roleAssignments/write",
                "Microsoft.Network/dnszones/read",
                "Microsoft.Network/dnszones/write",
                "Microsoft.Network/publicIPAddresses/read",
                "Microsoft.Network/loadBalancers/read",
                "Microsoft.Network/networkSecurityGroups/join/action"));
        for (String action : needed) {
            assertTrue(DynamicValidator.allowed(role, action), action);
        }
    }

    @Test
    void permissionsMatchWildcardsAndHonourNotActions() {
        List<PermissionInner> contributor = List.of(new PermissionInner().withActions(List.of("*"))
                .withNotActions(List.of("Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete")));
        assertTrue(DynamicValidator.allowed(contributor, "Microsoft.Network/virtualNetworks/subnets/join/action"));
        assertFalse(DynamicValidator.allowed(contributor, "Microsoft.Authorization/roleAssignments/write"), "notActions win, case-insensitively");
        List<PermissionInner> network = List.of(new PermissionInner().withActions(List.of("Microsoft.Network/*")));
        assertTrue(DynamicValidator.allowed(network, "microsoft.network/virtualnetworks/write"));
        assertFalse(DynamicValidator.allowed(network, "Microsoft.Compute/virtualMachines/write"));
        assertFalse(DynamicValidator.allowed(List.of(), "Microsoft.Network/virtualNetworks/read"));
    }
}
