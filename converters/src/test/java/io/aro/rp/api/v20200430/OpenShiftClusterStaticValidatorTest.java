package io.aro.rp.api.v20200430;

import static io.aro.rp.api.JsonEdit.all;
import static io.aro.rp.api.JsonEdit.remove;
import static io.aro.rp.api.JsonEdit.set;
import static io.aro.rp.api.ValidationCase.invalid;
import static io.aro.rp.api.ValidationCase.valid;
import static io.aro.rp.api.ValidationCase.validOnUpdate;

import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.ValidationCase;
import io.aro.rp.api.ValidationContext;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 2020-04-30 rules; where they differ from 2023-11-22 the case says so. */
class OpenShiftClusterStaticValidatorTest {
    private static final String VERSION = "2020-04-30";
    private static final String SUB = "225e02bc-43d0-43d1-a01a-17e584a4ef69";
    private static final String OTHER_SUB = "0a3e4b8c-1111-4222-8333-944455556666";
    private static final String ID = "/subscriptions/" + SUB + "/resourceGroups/aro-example/providers/Microsoft.RedHatOpenShift/openShiftClusters/example";
    private static final String VNET = "/subscriptions/" + SUB + "/resourceGroups/aro-vnet/providers/Microsoft.Network/virtualNetworks/aro-vnet";
    private static final String MASTER_SUBNET = VNET + "/subnets/master";
    private static final String CP = "/properties/clusterProfile";
    private static final String NP = "/properties/networkProfile";
    private static final String MP = "/properties/masterProfile";
    private static final String WP = "/properties/workerProfiles/0";
    private static final String W = "properties.workerProfiles['worker']";

    static Stream<ValidationCase> cases() {
        return Stream.of(
                valid("the example", all()),
                invalid("id of another cluster", set("/id", q(ID + "2")), CloudErrorCodes.MISMATCHING_RESOURCE_ID, "id",
                        "The provided resource ID '" + ID + "2' did not match the name in the Url '" + ID + "'."),
                invalid("name of another cluster", set("/name", q("other")), CloudErrorCodes.MISMATCHING_RESOURCE_NAME, "name",
                        "The provided resource name 'other' did not match the name in the Url 'example'."),
                invalid("another type", set("/type", q("Microsoft.RedHatOpenShift/clusters")), CloudErrorCodes.MISMATCHING_RESOURCE_TYPE, "type",
                        "The provided resource type 'Microsoft.RedHatOpenShift/clusters' did not match the name in the Url 'Microsoft.RedHatOpenShift/openShiftClusters'."),
                invalid("another location", set("/location", q("westeurope")), "location", "The provided location 'westeurope' is invalid."),

                invalid("pull secret not JSON", set(CP + "/pullSecret", q("{")), "properties.clusterProfile.pullSecret",
                        "The provided pull secret is invalid."),
                valid("new domain starting with a digit (2020-04-30 checks RFC 1123 only)", set(CP + "/domain", q("1example.com"))),
                invalid("domain with an underscore", set(CP + "/domain", q("my_cluster.example.com")), "properties.clusterProfile.domain",
                        "The provided domain 'my_cluster.example.com' is invalid."),
                invalid("resource group in another subscription", set(CP + "/resourceGroupId", q("/subscriptions/" + OTHER_SUB + "/resourceGroups/rg")),
                        "properties.clusterProfile.resourceGroupId",
                        "The provided resource group '/subscriptions/" + OTHER_SUB + "/resourceGroups/rg' is invalid: must be in same subscription as cluster."),
                invalid("resource group of the cluster resource", set(CP + "/resourceGroupId", q("/subscriptions/" + SUB + "/resourceGroups/aro-example")),
                        "properties.clusterProfile.resourceGroupId",
                        "The provided resource group '/subscriptions/" + SUB + "/resourceGroups/aro-example' is invalid: must be different from resourceGroup of the OpenShift cluster object."),

                invalid("client ID not a UUID", set("/properties/servicePrincipalProfile/clientId", q("d3b5e5f5-7c3f-4e1a-9b1c-0a8f3f1b2c4")),
                        "properties.servicePrincipalProfile.clientId", "The provided client ID 'd3b5e5f5-7c3f-4e1a-9b1c-0a8f3f1b2c4' is invalid."),
                invalid("no client secret on create", remove("/properties/servicePrincipalProfile/clientSecret"),
                        "properties.servicePrincipalProfile.clientSecret", "The provided client secret is invalid."),
                validOnUpdate("no client secret on update", remove("/properties/servicePrincipalProfile/clientSecret")),

                invalid("pod CIDR smaller than /18", set(NP + "/podCidr", q("10.128.0.0/20")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '10.128.0.0/20' is invalid: must be /18 or larger."),
                invalid("service CIDR IPv6", set(NP + "/serviceCidr", q("fd02::/112")), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR 'fd02::/112' is invalid: must be IPv4."),
                invalid("service CIDR with host bits", set(NP + "/serviceCidr", q("172.30.1.0/16")), CloudErrorCodes.INVALID_NETWORK_ADDRESS,
                        "properties.networkProfile.serviceCidr", "The provided service CIDR '172.30.1.0/16' is invalid, expecting: '172.30.0.0/16'."),
                invalid("pod CIDR inside the service CIDR", all(set(NP + "/podCidr", q("172.30.0.0/18")), set(NP + "/serviceCidr", q("172.16.0.0/12"))),
                        "properties.networkProfile.serviceCidr",
                        "The provided service CIDR '172.16.0.0/12' is invalid: must not overlap with pod CIDR '172.30.0.0/18'."),
                valid("pod CIDR in a range 2023-11-22 reserves", set(NP + "/podCidr", q("100.64.0.0/14"))),

                invalid("master size 2023-11-22 allows but 2020-04-30 does not", set(MP + "/vmSize", q("Standard_E16s_v3")),
                        "properties.masterProfile.vmSize", "The provided master VM size 'Standard_E16s_v3' is invalid."),
                invalid("master size unknown to the enum", set(MP + "/vmSize", q("Standard_Q8")), "properties.masterProfile.vmSize",
                        "The provided master VM size 'Standard_Q8' is invalid."),
                invalid("master subnet in another subscription", set(MP + "/subnetId", q(MASTER_SUBNET.replace(SUB, OTHER_SUB))),
                        "properties.masterProfile.subnetId", "The provided master VM subnet '" + MASTER_SUBNET.replace(SUB, OTHER_SUB)
                                + "' is invalid: must be in same subscription as cluster."),
                invalid("API server visibility in lower case", set("/properties/apiserverProfile/visibility", q("public")),
                        "properties.apiserverProfile.visibility", "The provided visibility 'public' is invalid."),

                valid("D2s_v3 workers", set(WP + "/vmSize", q("Standard_D2s_v3"))),
                invalid("worker size newer than 2020-04-30", set(WP + "/vmSize", q("Standard_D4s_v5")), W + ".vmSize",
                        "The provided worker VM size 'Standard_D4s_v5' is invalid."),
                invalid("worker disk missing", remove(WP + "/diskSizeGB"), W + ".diskSizeGB", "The provided worker disk size '' is invalid."),
                invalid("worker subnet in another vnet", set(WP + "/subnetId", q(VNET.replace("aro-vnet/", "other-vnet/") + "/subnets/worker")),
                        W + ".subnetId", "The provided worker VM subnet '" + VNET.replace("aro-vnet/", "other-vnet/")
                                + "/subnets/worker' is invalid: must be in the same vnet as master VM subnet '" + MASTER_SUBNET + "'."),
                valid("3 workers", set(WP + "/count", "3")),
                valid("20 workers", set(WP + "/count", "20")),
                invalid("2 workers (2023-11-22 allows it)", set(WP + "/count", "2"), W + ".count", "The provided worker count '2' is invalid."),
                invalid("21 workers", set(WP + "/count", "21"), W + ".count", "The provided worker count '21' is invalid."),
                invalid("worker profile named otherwise", set(WP + "/name", q("infra")), "properties.workerProfiles['infra'].name",
                        "The provided worker name 'infra' is invalid."),

                invalid("two ingress profiles", set("/properties/ingressProfiles/1", "{\"name\":\"default\",\"visibility\":\"Public\"}"),
                        "properties.ingressProfiles", "There should be exactly one ingress profile."),
                invalid("ingress visibility missing", remove("/properties/ingressProfiles/0/visibility"),
                        "properties.ingressProfiles['default'].visibility", "The provided visibility '' is invalid."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validate(ValidationCase c) throws Throwable {
        OpenShiftCluster request = ExampleRequests.read(c.edit().apply(ExampleRequests.body(VERSION)), OpenShiftCluster.class);
        ValidationContext context = ExampleRequests.context(VERSION);
        c.check(() -> new OpenShiftClusterStaticValidator().validate(request, context, c.isCreate()));
    }

    private static String q(String s) {
        return ExampleRequests.JSON.valueToTree(s).toString();
    }
}
