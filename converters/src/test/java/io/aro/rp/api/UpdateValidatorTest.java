package io.aro.rp.api;

import static io.aro.rp.api.JsonEdit.all;
import static io.aro.rp.api.JsonEdit.remove;
import static io.aro.rp.api.JsonEdit.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Immutability per API version: the current cluster is the example as the RP shows it after creation;
 * each row edits the example request into an update and says whether each version allows it.
 */
class UpdateValidatorTest {
    private static final String PCNA = CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED;

    static Stream<Arguments> cases() {
        return Stream.of(
                both("the same request again", all(), null),
                both("new tags", set("/tags", "{\"team\":\"blue\"}"), null),
                both("tags removed", remove("/tags"), null),
                both("a new client secret", set("/properties/servicePrincipalProfile/clientSecret", "\"rotated\""), null),
                both("a new pull secret", set("/properties/clusterProfile/pullSecret", "\"{\\\"auths\\\":{}}\""), null),
                both("no version (kept)", remove("/properties/clusterProfile/version"), null),
                both("a provisioning state (read-only, ignored)", set("/properties/provisioningState", "\"Succeeded\""), null),
                both("an API server URL (read-only, ignored)", set("/properties/apiserverProfile/url", "\"https://other/\""), null),
                both("a left out network profile (kept)", remove("/properties/networkProfile"), null),
                both("another version", set("/properties/clusterProfile/version", "\"4.15.0\""), "properties.clusterProfile.version"),
                both("another domain", set("/properties/clusterProfile/domain", "\"other.contoso.com\""), "properties.clusterProfile.domain"),
                both("another pod CIDR", set("/properties/networkProfile/podCidr", "\"10.0.0.0/14\""), "properties.networkProfile.podCidr"),
                both("another master size", set("/properties/masterProfile/vmSize", "\"Standard_D16s_v3\""), "properties.masterProfile.vmSize"),
                both("another worker subnet", set("/properties/workerProfiles/0/subnetId", "\"/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v/subnets/w\""),
                        "properties.workerProfiles[0].subnetId"),
                both("a second worker profile", set("/properties/workerProfiles/1", "{\"name\":\"infra\"}"), "properties.workerProfiles"),
                both("another ingress visibility", set("/properties/ingressProfiles/0/visibility", "\"Private\""),
                        "properties.ingressProfiles[0].visibility"),
                both("another worker count", set("/properties/workerProfiles/0/count", "5"), "properties.workerProfiles[0].count"),
                Arguments.of("another client ID", "properties.servicePrincipalProfile.clientId", null,
                        set("/properties/servicePrincipalProfile/clientId", "\"0b6f3d7e-2222-4c44-9d55-a66677778888\"")),
                Arguments.of("FIPS enabled", null, "properties.clusterProfile.fipsValidatedModules",
                        set("/properties/clusterProfile/fipsValidatedModules", "\"Enabled\"")));
    }

    /** A row whose outcome is the same in every version. */
    private static Arguments both(String name, UnaryOperator<ObjectNode> edit, String target) {
        return Arguments.of(name, target, target, edit);
    }

    @ParameterizedTest(name = "2020-04-30: {0}")
    @MethodSource("cases")
    void v20200430(String name, String target2020, String target2023, UnaryOperator<ObjectNode> edit) throws Throwable {
        var converter = new io.aro.rp.api.v20200430.OpenShiftClusterConverter();
        var type = io.aro.rp.generated.v20200430.model.OpenShiftCluster.class;
        var current = converter.toExternal(created("2020-04-30", converter, type));
        var requested = ExampleRequests.read(edit.apply(ExampleRequests.body("2020-04-30")), type);
        expect(name, target2020).check(() -> new io.aro.rp.api.v20200430.OpenShiftClusterUpdateValidator().validate(requested, current));
    }

    @ParameterizedTest(name = "2023-11-22: {0}")
    @MethodSource("cases")
    void v20231122(String name, String target2020, String target2023, UnaryOperator<ObjectNode> edit) throws Throwable {
        var converter = new io.aro.rp.api.v20231122.OpenShiftClusterConverter();
        var type = io.aro.rp.generated.v20231122.model.OpenShiftCluster.class;
        var current = converter.toExternal(created("2023-11-22", converter, type));
        var requested = ExampleRequests.read(edit.apply(ExampleRequests.body("2023-11-22")), type);
        expect(name, target2023).check(() -> new io.aro.rp.api.v20231122.OpenShiftClusterUpdateValidator().validate(requested, current));
    }

    /** The example as the RP stores it once created: defaults filled, a version chosen, provisioned. */
    private static <E> OpenShiftCluster created(String version, OpenShiftClusterConverter<E> converter, Class<E> type) {
        OpenShiftCluster oc = new OpenShiftCluster();
        converter.toInternal(ExampleRequests.read(ExampleRequests.body(version), type), oc);
        OpenShiftClusterDefaults.apply(oc);
        oc.getProperties().getClusterProfile().setVersion("4.14.38");
        oc.getProperties().setProvisioningState(ProvisioningState.SUCCEEDED);
        oc.getProperties().getApiserverProfile().setUrl("https://api.example.contoso.com:6443/");
        return oc;
    }

    private static ValidationCase expect(String name, String target) {
        return target == null ? ValidationCase.validOnUpdate(name, all())
                : new ValidationCase(name, all(), false, PCNA, target, "Changing property '" + target + "' is not allowed.");
    }
}
