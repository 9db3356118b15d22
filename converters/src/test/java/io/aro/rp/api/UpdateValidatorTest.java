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
 * What an update may change, per API version (ARO's mutable struct tags): the current cluster is the
 * example as the RP shows it after creation; each row edits the example request into an update and
 * names the property it changes that the version does not let change, or none.
 */
class UpdateValidatorTest {
    private static final String PCNA = CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED;
    private static final String FIRST = "2020-04-30";

    /** Rows: the first version that has the property, the edit, and the refused property's path (null when allowed). */
    static Stream<Arguments> rows() {
        return Stream.of(
                row(FIRST, "the same request again", all(), null),
                row(FIRST, "new tags", set("/tags", "{\"team\":\"blue\"}"), null),
                row(FIRST, "tags removed", remove("/tags"), null),
                row(FIRST, "a new client secret", set("/properties/servicePrincipalProfile/clientSecret", "\"rotated\""), null),
                row(FIRST, "another client ID", set("/properties/servicePrincipalProfile/clientId", "\"0b6f3d7e-2222-4c44-9d55-a66677778888\""), null),
                row(FIRST, "no version (kept)", remove("/properties/clusterProfile/version"), null),
                row(FIRST, "a provisioning state (read-only, ignored)", set("/properties/provisioningState", "\"Succeeded\""), null),
                row(FIRST, "an API server URL (read-only, ignored)", set("/properties/apiserverProfile/url", "\"https://other/\""), null),
                row(FIRST, "a left out network profile (kept)", remove("/properties/networkProfile"), null),
                row(FIRST, "a new pull secret", set("/properties/clusterProfile/pullSecret", "\"{\\\"auths\\\":{}}\""),
                        "properties.clusterProfile.pullSecret"),
                row(FIRST, "another version", set("/properties/clusterProfile/version", "\"4.15.0\""), "properties.clusterProfile.version"),
                row(FIRST, "another domain", set("/properties/clusterProfile/domain", "\"other.contoso.com\""), "properties.clusterProfile.domain"),
                row(FIRST, "another pod CIDR", set("/properties/networkProfile/podCidr", "\"10.0.0.0/14\""), "properties.networkProfile.podCidr"),
                row(FIRST, "another master size", set("/properties/masterProfile/vmSize", "\"Standard_D16s_v3\""), "properties.masterProfile.vmSize"),
                row(FIRST, "another worker subnet", set("/properties/workerProfiles/0/subnetId",
                        "\"/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v/subnets/w\""), "properties.workerProfiles[0].subnetId"),
                row(FIRST, "a second worker profile", set("/properties/workerProfiles/1", "{\"name\":\"infra\"}"), "properties.workerProfiles"),
                row(FIRST, "another worker count", set("/properties/workerProfiles/0/count", "5"), "properties.workerProfiles[0].count"),
                row(FIRST, "another ingress visibility", set("/properties/ingressProfiles/0/visibility", "\"Private\""),
                        "properties.ingressProfiles[0].visibility"),
                row("2022-04-01", "FIPS enabled", set("/properties/clusterProfile/fipsValidatedModules", "\"Enabled\""),
                        "properties.clusterProfile.fipsValidatedModules"),
                row("2022-04-01", "master encryption at host enabled", set("/properties/masterProfile/encryptionAtHost", "\"Enabled\""),
                        "properties.masterProfile.encryptionAtHost"),
                row("2023-04-01", "another outbound type", set("/properties/networkProfile/outboundType", "\"UserDefinedRouting\""),
                        "properties.networkProfile.outboundType"),
                row("2023-09-04", "a preconfigured NSG", set("/properties/networkProfile/preconfiguredNSG", "\"Enabled\""),
                        "properties.networkProfile.preconfiguredNSG"),
                row("2023-11-22", "more managed outbound IPs", set("/properties/networkProfile/loadBalancerProfile/managedOutboundIps/count", "4"), null));
    }

    static Stream<Arguments> cases() {
        return rows().flatMap(row -> ApiVersions.all().stream()
                .filter(api -> api.name().compareTo((String) row.get()[0]) >= 0)
                .map(api -> Arguments.of(api.name(), row.get()[1], row.get()[2], row.get()[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void validate(String version, String name, UnaryOperator<ObjectNode> edit, String target) throws Throwable {
        ApiVersion api = ApiVersions.get(version).orElseThrow();
        ObjectNode current = api.toExternalWithSecrets(created(api));
        ObjectNode requested = ExampleRequests.request(api, edit.apply(ExampleRequests.servicePrincipalBody(version)));
        ValidationCase expected = target == null ? ValidationCase.validOnUpdate(name, all())
                : new ValidationCase(name, all(), false, PCNA, target, "Changing property '" + target + "' is not allowed.");
        expected.check(() -> api.updateValidator().validate(requested, current));
    }

    /** The example as the RP stores it once created: defaults filled, a version chosen, provisioned. */
    private static OpenShiftCluster created(ApiVersion api) {
        OpenShiftCluster oc = new OpenShiftCluster();
        api.converter().toInternal(ExampleRequests.request(api, ExampleRequests.servicePrincipalBody(api.name())), oc);
        OpenShiftClusterDefaults.apply(oc);
        oc.getProperties().getClusterProfile().setVersion("4.14.38");
        oc.getProperties().setProvisioningState(ProvisioningState.SUCCEEDED);
        oc.getProperties().getApiserverProfile().setUrl("https://api.example.contoso.com:6443/");
        return oc;
    }

    private static Arguments row(String since, String name, UnaryOperator<ObjectNode> edit, String target) {
        return Arguments.of(since, name, edit, target);
    }
}
