package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmPathTest {
    private static final String SUB = "225e02bc-43d0-43d1-a01a-17e584a4ef69";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/subscriptions/" + SUB + "/resourceGroups/Rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/MyCluster | API | /subscriptions/" + SUB
                + "/resourceGroups/Rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/MyCluster",
        "/SUBSCRIPTIONS/" + SUB + "/RESOURCEGROUPS/Rg/PROVIDERS/microsoft.redhatopenshift/OPENSHIFTCLUSTERS/MyCluster | API | /subscriptions/" + SUB
                + "/resourceGroups/Rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/MyCluster",
        "//subscriptions/" + SUB + "//resourcegroups/rg/providers/Microsoft.RedHatOpenShift/openshiftclusters/c/ | API | /subscriptions/" + SUB
                + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/LISTCREDENTIALS | API | /subscriptions/"
                + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/listCredentials",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/listadmincredentials | API | /subscriptions/"
                + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/listAdminCredentials",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/openShiftClusters | API | /subscriptions/" + SUB
                + "/providers/Microsoft.RedHatOpenShift/openShiftClusters",
        "/subscriptions/" + SUB + "/resourcegroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters | API | /subscriptions/" + SUB
                + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/EastUS/openshiftversions | API | /subscriptions/" + SUB
                + "/providers/Microsoft.RedHatOpenShift/locations/EastUS/openShiftVersions",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openshiftversions/4.14.38 | API | /subscriptions/" + SUB
                + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openShiftVersions/4.14.38",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/PlatformWorkloadIdentityRoleSets | API | /subscriptions/" + SUB
                + "/providers/Microsoft.RedHatOpenShift/locations/eastus/platformWorkloadIdentityRoleSets",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/platformworkloadidentityrolesets/4.14 | API | /subscriptions/" + SUB
                + "/providers/Microsoft.RedHatOpenShift/locations/eastus/platformWorkloadIdentityRoleSets/4.14",
        "/admin/platformworkloadidentityrolesets | ADMIN | /admin/platformWorkloadIdentityRoleSets",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/OperationsStatus/0a0b0c0d-1111-2222-3333-444455556666 | API | /subscriptions/"
                + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/0a0b0c0d-1111-2222-3333-444455556666",
        "/providers/microsoft.redhatopenshift/Operations | OPERATIONS | /providers/Microsoft.RedHatOpenShift/operations",
        "/subscriptions/" + SUB + " | SUBSCRIPTION | /subscriptions/" + SUB,
        "/healthz/Ready | HEALTH | /healthz/ready",
        "/nowhere/at/all | OTHER | /nowhere/at/all",
        "/ADMIN/Versions | ADMIN | /admin/versions",
        "/admin/providers/microsoft.redhatopenshift/OPENSHIFTCLUSTERS | ADMIN | /admin/providers/Microsoft.RedHatOpenShift/openShiftClusters",
        "/admin/subscriptions/" + SUB + "/resourcegroups/Rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/MyCluster | ADMIN | /admin/subscriptions/"
                + SUB + "/resourceGroups/Rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/MyCluster",
        "/admin/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/RestartVM | ADMIN | /admin/subscriptions/"
                + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/restartvm",
        "/admin/subscriptions/" + SUB + " | OTHER | /admin/subscriptions/" + SUB,
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/extra/segments | OTHER | /subscriptions/" + SUB
                + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/extra/segments",
    })
    void canonicalises(String raw, ArmPath.Kind kind, String canonical) {
        ArmPath path = ArmPath.parse(raw, "eastus");
        assertEquals(kind, path.kind());
        assertEquals(canonical, path.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/subscriptions/not-a-uuid/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c | InvalidSubscriptionID | The provided subscription identifier 'not-a-uuid' is malformed or invalid.",
        "/subscriptions/" + SUB + "/resourceGroups/rg!/providers/Microsoft.RedHatOpenShift/openShiftClusters/c | ResourceGroupNotFound | Resource group 'rg!' could not be found.",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Compute/openShiftClusters/c | InvalidResourceNamespace | The resource namespace 'Microsoft.Compute' is invalid.",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/clusters/c | InvalidResourceType | The resource type 'clusters' could not be found in the namespace 'Microsoft.RedHatOpenShift'.",
        "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/bad%20name | ResourceNotFound | The Resource 'Microsoft.RedHatOpenShift/openShiftClusters/bad name' under resource group 'rg' was not found.",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/westus/openShiftVersions | InvalidLocation | The provided location 'westus' is invalid.",
        "/subscriptions/" + SUB + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/123 | InvalidOperationID | The provided operation ID '123' is invalid.",
        "/providers/Microsoft.Storage/operations | InvalidResourceNamespace | The resource namespace 'Microsoft.Storage' is invalid.",
    })
    void refuses(String raw, String code, String message) {
        CloudError error = assertThrows(CloudErrorException.class, () -> ArmPath.parse(raw, "eastus")).getCloudError();
        assertEquals(400, error.getStatusCode());
        assertEquals(code, error.getError().getCode());
        assertEquals(message, error.getError().getMessage());
    }
}
