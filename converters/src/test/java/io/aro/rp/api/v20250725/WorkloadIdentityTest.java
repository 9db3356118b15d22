package io.aro.rp.api.v20250725;

import static io.aro.rp.api.JsonEdit.all;
import static io.aro.rp.api.JsonEdit.remove;
import static io.aro.rp.api.JsonEdit.set;
import static io.aro.rp.api.ValidationCase.invalid;
import static io.aro.rp.api.ValidationCase.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterDefaults;
import io.aro.rp.api.PlatformWorkloadIdentity;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.ValidationCase;
import io.aro.rp.api.external.ExternalJson;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What 2025-07-25 adds: clusters whose operators authenticate with managed identities. */
class WorkloadIdentityTest {
    static final ApiVersion API = Registration.API;
    static final List<ApiVersion> VERSIONS = ApiVersions.all();
    private static final String VERSION = "2025-07-25";
    private static final String SUB = "225e02bc-43d0-43d1-a01a-17e584a4ef69";
    private static final String IDS = "/subscriptions/" + SUB + "/resourceGroups/aro-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
    private static final String PWIP = "/properties/platformWorkloadIdentityProfile";
    private static final String IDENTITIES = "properties.platformWorkloadIdentityProfile.platformWorkloadIdentities";

    @Test
    void aManagedIdentityClusterRoundTrips() {
        ObjectNode request = ExampleRequests.request(API, ExampleRequests.body(VERSION));
        OpenShiftCluster internal = new OpenShiftCluster();
        API.converter().toInternal(request, internal);

        ObjectNode expected = request.deepCopy();
        ((ObjectNode) expected.at("/properties/clusterProfile")).remove("pullSecret");
        assertEquals(expected, API.toExternal(internal));
        assertTrue(internal.usesWorkloadIdentity());
        assertEquals(IDS + "aro-cluster", internal.getIdentity().clusterIdentityId());
        assertEquals(8, internal.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().size());
    }

    @Test
    void whatTheRpFilledInStaysWhileARequestNamesTheSameIdentities() {
        OpenShiftCluster internal = created();
        PlatformWorkloadIdentity ingress = internal.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get("ingress");
        ingress.setClientId("0b6f3d7e-2222-4c44-9d55-a66677778888");
        internal.getIdentity().getUserAssignedIdentities().values().iterator().next().setPrincipalId("5d1a8b7e-2f3c-4e6a-9b0d-1c2e3f4a5b60");

        ObjectNode update = ExampleRequests.body(VERSION);
        ((ObjectNode) update.at(PWIP + "/platformWorkloadIdentities/machine-api")).put("resourceId", IDS + "aro-machine-api-2");
        update.with("identity").with("userAssignedIdentities").removeAll().putObject((IDS + "aro-cluster").toUpperCase());
        API.converter().toInternal(ExampleRequests.request(API, update), internal);

        var identities = internal.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities();
        assertEquals("0b6f3d7e-2222-4c44-9d55-a66677778888", identities.get("ingress").getClientId());
        assertEquals(IDS + "aro-machine-api-2", identities.get("machine-api").getResourceId());
        assertNull(identities.get("machine-api").getClientId(), "another identity: the RP looks it up again");
        assertEquals("5d1a8b7e-2f3c-4e6a-9b0d-1c2e3f4a5b60",
                internal.getIdentity().getUserAssignedIdentities().values().iterator().next().getPrincipalId(), "resource IDs are case-insensitive");
    }

    /** A GET and a PUT back through any version leave the identities of a managed identity cluster as they were. */
    @ParameterizedTest
    @FieldSource("VERSIONS")
    void theIdentitiesSurviveAReadModifyWriteThroughEveryVersion(ApiVersion api) {
        OpenShiftCluster internal = created();
        internal.getProperties().getClusterProfile().setOidcIssuer("https://aroeastusoidc.blob.core.windows.net/3c9a4c2d/");
        internal.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get("ingress")
                .setObjectId("1a2b3c4d-1111-4222-8333-944455556666");
        JsonNode before = ExternalJson.MAPPER.valueToTree(internal);

        api.converter().toInternal(api.normalize(api.toExternal(internal)), internal);

        assertEquals(before, ExternalJson.MAPPER.valueToTree(internal));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void validate(ValidationCase c) throws Throwable {
        ObjectNode request = ExampleRequests.request(API, c.edit().apply(ExampleRequests.body(VERSION)));
        c.check(() -> API.staticValidator().validate(request, ExampleRequests.context(VERSION), c.isCreate()));
    }

    static Stream<ValidationCase> rules() {
        String clientId = "\"d3b5e5f5-7c3f-4e1a-9b1c-0a8f3f1b2c4d\"";
        return Stream.of(
                valid("the example", all()),
                valid("upgradeable to a newer version", set(PWIP + "/upgradeableTo", "\"4.15.20\"")),
                invalid("a service principal too", set("/properties/servicePrincipalProfile", "{\"clientId\":" + clientId + "}"),
                        "properties.servicePrincipalProfile", "Cannot use identities and service principal credentials at the same time."),
                invalid("neither", all(remove(PWIP), remove("/identity")), "properties.servicePrincipalProfile",
                        "Must provide either an identity or service principal credentials."),
                invalid("no cluster identity", remove("/identity"), "identity", "Cluster identity and platform workload identities require each other."),
                invalid("a cluster identity for a service principal cluster", all(remove(PWIP),
                        set("/properties/servicePrincipalProfile", "{\"clientId\":" + clientId + ",\"clientSecret\":\"s\"}")), "identity",
                        "Cluster identity and platform workload identities require each other."),
                invalid("a system assigned identity", set("/identity/type", "\"SystemAssigned\""), "identity.type",
                        "The provided cluster identity type 'SystemAssigned' is invalid: must be UserAssigned."),
                invalid("two cluster identities", set("/identity/userAssignedIdentities/" + (IDS + "other").replace("/", "~1"), "{}"), "identity",
                        "The provided cluster identity is invalid; there should be exactly one."),
                invalid("a cluster identity that is no identity", set("/identity/userAssignedIdentities", "{\"/subscriptions/" + SUB + "\":{}}"),
                        "identity.userAssignedIdentities", "The provided cluster identity '/subscriptions/" + SUB + "' is invalid: must be a user-assigned identity."),
                invalid("no operator identity", set(PWIP + "/platformWorkloadIdentities", "{}"), IDENTITIES,
                        "The set of platform workload identities cannot be empty."),
                invalid("an operator identity that is no identity", set(PWIP + "/platformWorkloadIdentities/ingress/resourceId", "\"" + IDS + "\""),
                        IDENTITIES + "['ingress'].resourceId", "The provided resource ID '" + IDS + "' is invalid: must be a user-assigned identity."),
                invalid("an identity for two operators", set(PWIP + "/platformWorkloadIdentities/ingress/resourceId", "\"" + (IDS + "aro-machine-api").toUpperCase() + "\""),
                        IDENTITIES, "ResourceID " + (IDS + "aro-machine-api").toLowerCase() + " used by multiple identities."),
                invalid("upgradeable to a minor version", set(PWIP + "/upgradeableTo", "\"4.15\""), "properties.platformWorkloadIdentityProfile.upgradeableTo",
                        "UpgradeableTo must be a valid OpenShift version in the format 'x.y.z'."),
                valid("a service principal cluster", all(remove(PWIP), remove("/identity"),
                        set("/properties/servicePrincipalProfile", "{\"clientId\":" + clientId + ",\"clientSecret\":\"s\"}"))),
                invalid("a service principal cluster without a secret", all(remove(PWIP), remove("/identity"),
                        set("/properties/servicePrincipalProfile", "{\"clientId\":" + clientId + "}")), "properties.servicePrincipalProfile.clientSecret",
                        "The provided client secret is invalid."));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("the same identities", all(), null),
                Arguments.of("another upgradeable version", set(PWIP + "/upgradeableTo", "\"4.15.20\""), null),
                Arguments.of("an identity for a new operator", set(PWIP + "/platformWorkloadIdentities/new-operator", "{\"resourceId\":\"" + IDS + "new\"}"),
                        null),
                Arguments.of("an operator's identity removed", remove(PWIP + "/platformWorkloadIdentities/ingress"), IDENTITIES),
                Arguments.of("another identity for an operator", set(PWIP + "/platformWorkloadIdentities/ingress/resourceId", "\"" + IDS + "other\""),
                        IDENTITIES + "['ingress'].resourceId"),
                Arguments.of("another identity type", set("/identity/type", "\"SystemAssigned\""), "identity.type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void update(String name, UnaryOperator<ObjectNode> edit, String target) throws Throwable {
        ObjectNode current = API.toExternalWithSecrets(created());
        ObjectNode requested = ExampleRequests.request(API, edit.apply(ExampleRequests.body(VERSION)));
        ValidationCase expected = target == null ? ValidationCase.validOnUpdate(name, all())
                : new ValidationCase(name, all(), false, CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED, target, message(target));
        expected.check(() -> API.updateValidator().validate(requested, current));
    }

    private static String message(String target) {
        return target.equals(IDENTITIES) ? "Operator identity cannot be removed or have its name changed."
                : target.endsWith(".resourceId") ? "Operator identity resource ID cannot be changed." : "Changing property '" + target + "' is not allowed.";
    }

    /** The example as the RP stores it once created. */
    private static OpenShiftCluster created() {
        OpenShiftCluster oc = new OpenShiftCluster();
        API.converter().toInternal(ExampleRequests.request(API, ExampleRequests.body(VERSION)), oc);
        OpenShiftClusterDefaults.apply(oc);
        oc.getProperties().getClusterProfile().setVersion("4.14.38");
        oc.getProperties().setProvisioningState(ProvisioningState.SUCCEEDED);
        return oc;
    }
}
