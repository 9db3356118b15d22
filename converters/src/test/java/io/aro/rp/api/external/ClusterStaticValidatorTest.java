package io.aro.rp.api.external;

import static io.aro.rp.api.JsonEdit.all;
import static io.aro.rp.api.JsonEdit.remove;
import static io.aro.rp.api.JsonEdit.set;
import static io.aro.rp.api.ValidationCase.invalid;
import static io.aro.rp.api.ValidationCase.invalidOnUpdate;
import static io.aro.rp.api.ValidationCase.valid;
import static io.aro.rp.api.ValidationCase.validOnUpdate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ExampleRequests;
import io.aro.rp.api.ValidationCase;
import io.aro.rp.api.ValidationContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The static rules, one row per rule, run through every API version that has the property the row
 * edits (a version without it never receives it: its generated model drops it).
 */
class ClusterStaticValidatorTest {
    private static final String SUB = "225e02bc-43d0-43d1-a01a-17e584a4ef69";
    private static final String OTHER_SUB = "0a3e4b8c-1111-4222-8333-944455556666";
    private static final String ID = "/subscriptions/" + SUB + "/resourceGroups/aro-example/providers/Microsoft.RedHatOpenShift/openShiftClusters/example";
    private static final String VNET = "/subscriptions/" + SUB + "/resourceGroups/aro-vnet/providers/Microsoft.Network/virtualNetworks/aro-vnet";
    private static final String MASTER_SUBNET = VNET + "/subnets/master";
    private static final String DES = "/subscriptions/" + SUB + "/resourceGroups/aro-vnet/providers/Microsoft.Compute/diskEncryptionSets/des";
    private static final String CP = "/properties/clusterProfile";
    private static final String NP = "/properties/networkProfile";
    private static final String MP = "/properties/masterProfile";
    private static final String WP = "/properties/workerProfiles/0";
    private static final String W = "properties.workerProfiles['worker']";
    private static final String FIRST = "2020-04-30";
    /** Where fipsValidatedModules, encryptionAtHost and diskEncryptionSetId appeared. */
    private static final String V2022_04_01 = "2022-04-01";
    private static final String V2023_04_01 = "2023-04-01";
    private static final String V2023_09_04 = "2023-09-04";
    private static final String V2023_11_22 = "2023-11-22";

    /** Each row, and the first version that has what it edits. */
    static Stream<Arguments> rules() {
        return Stream.of(
                since(FIRST, valid("the example", all())),
                since(FIRST, valid("id, name and type in another casing", all(set("/id", q(ID.toUpperCase())), set("/name", q("EXAMPLE")),
                        set("/type", q("microsoft.redhatopenshift/openshiftclusters"))))),
                since(FIRST, valid("location spelt with a space and capitals", set("/location", q("East US")))),
                since(FIRST, invalid("id of another cluster", set("/id", q(ID + "2")), CloudErrorCodes.MISMATCHING_RESOURCE_ID, "id",
                        "The provided resource ID '" + ID + "2' did not match the name in the Url '" + ID + "'.")),
                since(FIRST, invalid("name of another cluster", set("/name", q("other")), CloudErrorCodes.MISMATCHING_RESOURCE_NAME, "name",
                        "The provided resource name 'other' did not match the name in the Url 'example'.")),
                since(FIRST, invalid("another type", set("/type", q("Microsoft.Compute/virtualMachines")), CloudErrorCodes.MISMATCHING_RESOURCE_TYPE,
                        "type", "The provided resource type 'Microsoft.Compute/virtualMachines' did not match the name in the Url "
                                + "'Microsoft.RedHatOpenShift/openShiftClusters'.")),
                since(FIRST, invalid("another location", set("/location", q("westus")), "location", "The provided location 'westus' is invalid.")),
                since(FIRST, invalid("no location", remove("/location"), "location", "The provided location '' is invalid.")),

                since(FIRST, valid("no pull secret", remove(CP + "/pullSecret"))),
                since(FIRST, valid("a pull secret over several lines", set(CP + "/pullSecret", q("{\n  \"auths\": {}\n}\n")))),
                since(FIRST, invalid("a pull secret with bytes after its object", set(CP + "/pullSecret", q("{\"auths\":{}}garbage")),
                        "properties.clusterProfile.pullSecret", "The provided pull secret is invalid.")),
                since(FIRST, invalid("pull secret not JSON", set(CP + "/pullSecret", q("secret")), "properties.clusterProfile.pullSecret",
                        "The provided pull secret is invalid.")),
                since(FIRST, invalid("pull secret without auths", set(CP + "/pullSecret", q("{\"registries\":{}}")),
                        "properties.clusterProfile.pullSecret", "The provided pull secret is invalid.")),
                since(FIRST, invalid("pull secret registry not an object", set(CP + "/pullSecret", q("{\"auths\":{\"quay.io\":\"x\"}}")),
                        "properties.clusterProfile.pullSecret", "The provided pull secret is invalid.")),
                since(FIRST, invalid("domain with capitals", set(CP + "/domain", q("Example.com")), "properties.clusterProfile.domain",
                        "The provided domain 'Example.com' is invalid.")),
                since(FIRST, invalid("domain with an underscore", set(CP + "/domain", q("my_cluster.example.com")), "properties.clusterProfile.domain",
                        "The provided domain 'my_cluster.example.com' is invalid.")),
                since(FIRST, invalid("new domain starting with a digit", set(CP + "/domain", q("1example.com")), "properties.clusterProfile.domain",
                        "The provided domain '1example.com' is invalid.")),
                since(FIRST, validOnUpdate("existing domain starting with a digit", set(CP + "/domain", q("1example.com")))),
                since(FIRST, invalid("no domain", remove(CP + "/domain"), "properties.clusterProfile.domain", "The provided domain '' is invalid.")),
                since(FIRST, invalid("domain label too long", set(CP + "/domain", q("a" + "b".repeat(63) + ".com")), "properties.clusterProfile.domain",
                        "The provided domain 'a" + "b".repeat(63) + ".com' is invalid.")),
                since(FIRST, valid("one label under the RP's managed domain", set(CP + "/domain", q("mycluster.eastus.aroapp.io")))),
                since(FIRST, invalid("two labels under the RP's managed domain", set(CP + "/domain", q("a.b.eastus.aroapp.io")),
                        "properties.clusterProfile.domain", "The provided domain 'a.b.eastus.aroapp.io' is invalid.")),
                since(FIRST, invalid("another region's managed domain", set(CP + "/domain", q("mycluster.westus.aroapp.io")),
                        "properties.clusterProfile.domain", "The provided domain 'mycluster.westus.aroapp.io' is invalid.")),
                since(FIRST, invalid("version not x.y.z", set(CP + "/version", q("4.latest")), "properties.clusterProfile.version",
                        "The provided version '4.latest' is invalid.")),
                since(FIRST, invalid("resource group not an ID", set(CP + "/resourceGroupId", q("aro-example-cluster")),
                        "properties.clusterProfile.resourceGroupId", "The provided resource group 'aro-example-cluster' is invalid.")),
                since(FIRST, invalid("resource group in another subscription",
                        set(CP + "/resourceGroupId", q("/subscriptions/" + OTHER_SUB + "/resourceGroups/rg")), "properties.clusterProfile.resourceGroupId",
                        "The provided resource group '/subscriptions/" + OTHER_SUB + "/resourceGroups/rg' is invalid: must be in same subscription as cluster.")),
                since(FIRST, invalid("resource group of the cluster resource",
                        set(CP + "/resourceGroupId", q("/subscriptions/" + SUB + "/resourceGroups/ARO-EXAMPLE")), "properties.clusterProfile.resourceGroupId",
                        "The provided resource group '/subscriptions/" + SUB + "/resourceGroups/ARO-EXAMPLE' is invalid: must be different from "
                                + "resourceGroup of the OpenShift cluster object.")),
                since(V2022_04_01, valid("FIPS enabled", set(CP + "/fipsValidatedModules", q("Enabled")))),
                since(V2022_04_01, valid("FIPS left out", remove(CP + "/fipsValidatedModules"))),
                since(V2022_04_01, invalid("FIPS neither enabled nor disabled", set(CP + "/fipsValidatedModules", q("Partial")),
                        "properties.clusterProfile.fipsValidatedModules", "The provided value 'Partial' is invalid.")),

                until(V2023_11_22, invalid("no service principal", remove("/properties/servicePrincipalProfile"), "properties.servicePrincipalProfile",
                        "ServicePrincipalProfile cannot be nil in this API version.")),
                since(FIRST, invalid("client ID not a UUID", set("/properties/servicePrincipalProfile/clientId", q("my-app")),
                        "properties.servicePrincipalProfile.clientId", "The provided client ID 'my-app' is invalid.")),
                since(FIRST, invalid("no client secret on create", set("/properties/servicePrincipalProfile/clientSecret", q("")),
                        "properties.servicePrincipalProfile.clientSecret", "The provided client secret is invalid.")),
                since(FIRST, validOnUpdate("no client secret on update", remove("/properties/servicePrincipalProfile/clientSecret"))),

                since(FIRST, valid("pod /18 and service /22", all(set(NP + "/podCidr", q("10.128.0.0/18")), set(NP + "/serviceCidr", q("172.30.0.0/22"))))),
                since(FIRST, invalid("pod CIDR smaller than /18", set(NP + "/podCidr", q("10.128.0.0/19")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '10.128.0.0/19' is invalid: must be /18 or larger.")),
                since(FIRST, invalid("pod CIDR IPv6", set(NP + "/podCidr", q("fd00::/48")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR 'fd00::/48' is invalid: must be IPv4.")),
                since(FIRST, invalid("pod CIDR not a CIDR", set(NP + "/podCidr", q("10.128.0.0")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '10.128.0.0' is invalid: 'a prefix length is required'.")),
                since(FIRST, invalid("pod CIDR with host bits", set(NP + "/podCidr", q("10.128.0.1/14")), CloudErrorCodes.INVALID_NETWORK_ADDRESS,
                        "properties.networkProfile.podCidr", "The provided pod CIDR '10.128.0.1/14' is invalid, expecting: '10.128.0.0/14'.")),
                since(FIRST, invalid("service CIDR smaller than /22", set(NP + "/serviceCidr", q("172.30.0.0/23")), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR '172.30.0.0/23' is invalid: must be /22 or larger.")),
                since(FIRST, invalid("service CIDR IPv6", set(NP + "/serviceCidr", q("fd02::/112")), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR 'fd02::/112' is invalid: must be IPv4.")),
                since(FIRST, invalid("service CIDR missing", remove(NP + "/serviceCidr"), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR '' is invalid: 'a CIDR is required'.")),
                since(FIRST, invalid("service CIDR inside the pod CIDR", set(NP + "/serviceCidr", q("10.130.0.0/16")), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR '10.130.0.0/16' is invalid: must not overlap with pod CIDR '10.128.0.0/14'.")),
                since(FIRST, invalid("pod CIDR in loopback", set(NP + "/podCidr", q("127.0.0.0/14")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '127.0.0.0/14' is invalid: it overlaps the loopback range 127.0.0.0/8.")),
                since(FIRST, invalid("service CIDR in multicast", set(NP + "/serviceCidr", q("224.0.0.0/16")), "properties.networkProfile.serviceCidr",
                        "The provided service CIDR '224.0.0.0/16' is invalid: it overlaps the multicast range 224.0.0.0/4.")),
                since(FIRST, invalid("pod CIDR in the reserved block", set(NP + "/podCidr", q("240.0.0.0/14")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '240.0.0.0/14' is invalid: it overlaps the reserved range 240.0.0.0/4.")),
                since(FIRST, invalid("a NUL in a string", set(NP + "/podCidr", q("10.128.0.0/14\u0000")), "properties.networkProfile.podCidr",
                        "The provided value of 'properties.networkProfile.podCidr' is invalid: it contains a control character.")),
                since(FIRST, invalid("an escape in a tag", set("/tags", "{\"team\":" + q("a\u001bb") + "}"), "tags.team",
                        "The provided value of 'tags.team' is invalid: it contains a control character.")),
                since(FIRST, invalid("pod CIDR in a reserved range", set(NP + "/podCidr", q("100.64.0.0/14")), CloudErrorCodes.INVALID_CIDR_RANGE,
                        "properties.networkProfile.podCidr", reserved("100.64.0.0/14"))),
                since(FIRST, invalid("service CIDR in a reserved range", set(NP + "/serviceCidr", q("169.254.0.0/16")), CloudErrorCodes.INVALID_CIDR_RANGE,
                        "properties.networkProfile.serviceCidr", reserved("169.254.0.0/16"))),
                since(FIRST, invalid("service CIDR in the OVN transit range", set(NP + "/serviceCidr", q("100.88.0.0/16")),
                        CloudErrorCodes.INVALID_CIDR_RANGE, "properties.networkProfile.serviceCidr", reserved("100.88.0.0/16"))),
                since(V2023_04_01, invalid("unknown outbound type", set(NP + "/outboundType", q("NatGateway")), "properties.networkProfile.outboundType",
                        "The provided outboundType 'NatGateway' is invalid: must be UserDefinedRouting or Loadbalancer.")),
                since(V2023_04_01, invalid("user defined routing with a public API server", all(set(NP + "/outboundType", q("UserDefinedRouting")),
                        remove(NP + "/loadBalancerProfile")), "properties.networkProfile.outboundType",
                        "The provided outboundType 'UserDefinedRouting' is invalid: cannot use UserDefinedRouting if either API Server Visibility "
                                + "or Ingress Visibility is public.")),
                since(V2023_04_01, valid("user defined routing, private endpoints", all(set(NP + "/outboundType", q("UserDefinedRouting")),
                        remove(NP + "/loadBalancerProfile"), set("/properties/apiserverProfile/visibility", q("Private")),
                        set("/properties/ingressProfiles/0/visibility", q("Private"))))),
                since(V2023_11_22, invalid("user defined routing with a load balancer profile", all(set(NP + "/outboundType", q("UserDefinedRouting")),
                        set("/properties/apiserverProfile/visibility", q("Private")), set("/properties/ingressProfiles/0/visibility", q("Private"))),
                        "properties.networkProfile.loadBalancerProfile",
                        "The provided loadBalancerProfile is invalid: cannot use a loadBalancerProfile if outboundType is UserDefinedRouting.")),
                since(V2023_11_22, valid("20 managed outbound IPs", set(NP + "/loadBalancerProfile/managedOutboundIps/count", "20"))),
                since(V2023_11_22, invalid("no managed outbound IPs", set(NP + "/loadBalancerProfile/managedOutboundIps/count", "0"),
                        "properties.networkProfile.loadBalancerProfile.managedOutboundIps.count",
                        "The provided managedOutboundIps.count 0 is invalid: managedOutboundIps.count must be in the range of 1 to 20 (inclusive).")),
                since(V2023_11_22, invalid("21 managed outbound IPs", set(NP + "/loadBalancerProfile/managedOutboundIps/count", "21"),
                        "properties.networkProfile.loadBalancerProfile.managedOutboundIps.count",
                        "The provided managedOutboundIps.count 21 is invalid: managedOutboundIps.count must be in the range of 1 to 20 (inclusive).")),
                since(V2023_09_04, invalid("preconfigured NSG neither enabled nor disabled", set(NP + "/preconfiguredNSG", q("Sometimes")),
                        "properties.networkProfile.preconfiguredNSG", "The provided value 'Sometimes' is invalid.")),

                since(FIRST, valid("memory optimised master", set(MP + "/vmSize", q("Standard_E16s_v5")))),
                since(FIRST, invalid("master too small", set(MP + "/vmSize", q("Standard_D4s_v3")), "properties.masterProfile.vmSize",
                        "The provided master VM size 'Standard_D4s_v3' is invalid.")),
                since(FIRST, invalid("master subnet not a subnet", set(MP + "/subnetId", q(VNET)), "properties.masterProfile.subnetId",
                        "The provided master VM subnet '" + VNET + "' is invalid.")),
                since(FIRST, invalid("master subnet in another subscription", set(MP + "/subnetId", q(MASTER_SUBNET.replace(SUB, OTHER_SUB))),
                        "properties.masterProfile.subnetId", "The provided master VM subnet '" + MASTER_SUBNET.replace(SUB, OTHER_SUB)
                                + "' is invalid: must be in same subscription as cluster.")),
                since(V2022_04_01, invalid("master encryption at host neither enabled nor disabled", set(MP + "/encryptionAtHost", q("Yes")),
                        "properties.masterProfile.encryptionAtHost", "The provided value 'Yes' is invalid.")),
                since(V2022_04_01, valid("disk encryption set on master and workers", all(set(MP + "/diskEncryptionSetId", q(DES)),
                        set(WP + "/diskEncryptionSetId", q(DES))))),
                since(V2022_04_01, invalid("master disk encryption set not one", set(MP + "/diskEncryptionSetId", q(VNET)),
                        "properties.masterProfile.diskEncryptionSetId", "The provided master disk encryption set '" + VNET + "' is invalid.")),
                since(V2022_04_01, invalid("master disk encryption set in another subscription", set(MP + "/diskEncryptionSetId", q(DES.replace(SUB, OTHER_SUB))),
                        "properties.masterProfile.diskEncryptionSetId", "The provided master disk encryption set '" + DES.replace(SUB, OTHER_SUB)
                                + "' is invalid: must be in same subscription as cluster.")),

                since(FIRST, invalid("API server visibility unknown", set("/properties/apiserverProfile/visibility", q("Internal")),
                        "properties.apiserverProfile.visibility", "The provided visibility 'Internal' is invalid.")),
                since(FIRST, invalid("API server visibility in lower case", set("/properties/apiserverProfile/visibility", q("public")),
                        "properties.apiserverProfile.visibility", "The provided visibility 'public' is invalid.")),

                since(FIRST, invalid("no worker profile", set("/properties/workerProfiles", "[]"), "properties.workerProfiles",
                        "There should be exactly one worker profile.")),
                since(FIRST, invalid("two worker profiles", set("/properties/workerProfiles/1", "{\"name\":\"worker2\"}"), "properties.workerProfiles",
                        "There should be exactly one worker profile.")),
                since(FIRST, invalid("worker profile named otherwise", set(WP + "/name", q("compute")), "properties.workerProfiles['compute'].name",
                        "The provided worker name 'compute' is invalid.")),
                since(FIRST, invalid("worker size not allowed", set(WP + "/vmSize", q("Standard_B2s")), W + ".vmSize",
                        "The provided worker VM size 'Standard_B2s' is invalid.")),
                since(FIRST, valid("GPU workers", set(WP + "/vmSize", q("Standard_NC4as_T4_v3")))),
                since(FIRST, invalid("worker disk under 128 GiB", set(WP + "/diskSizeGB", "127"), W + ".diskSizeGB",
                        "The provided worker disk size '127' is invalid.")),
                since(FIRST, invalid("worker disk missing", remove(WP + "/diskSizeGB"), W + ".diskSizeGB", "The provided worker disk size '' is invalid.")),
                since(FIRST, invalid("worker subnet in another vnet", set(WP + "/subnetId", q(VNET + "2/subnets/worker")), W + ".subnetId",
                        "The provided worker VM subnet '" + VNET + "2/subnets/worker' is invalid: must be in the same vnet as master VM subnet '"
                                + MASTER_SUBNET + "'.")),
                since(FIRST, invalid("worker subnet is the master subnet", set(WP + "/subnetId", q(MASTER_SUBNET.toUpperCase())), W + ".subnetId",
                        "The provided worker VM subnet '" + MASTER_SUBNET.toUpperCase() + "' is invalid: must be different to master VM subnet '"
                                + MASTER_SUBNET + "'.")),
                since(FIRST, invalid("worker subnet not a subnet", set(WP + "/subnetId", q("worker")), W + ".subnetId",
                        "The provided worker VM subnet 'worker' is invalid.")),
                since(V2022_04_01, invalid("worker encryption at host neither enabled nor disabled", set(WP + "/encryptionAtHost", q("On")),
                        W + ".encryptionAtHost", "The provided value 'On' is invalid.")),
                since(FIRST, valid("2 workers", set(WP + "/count", "2"))),
                since(FIRST, valid("50 workers", set(WP + "/count", "50"))),
                since(FIRST, invalid("1 worker", set(WP + "/count", "1"), W + ".count", "The provided worker count '1' is invalid.")),
                since(FIRST, invalid("51 workers", set(WP + "/count", "51"), W + ".count", "The provided worker count '51' is invalid.")),
                since(V2022_04_01, invalid("workers without the master's disk encryption set", set(MP + "/diskEncryptionSetId", q(DES)),
                        W + ".diskEncryptionSetId",
                        "The provided worker disk encryption set '' is invalid: must be the same as master disk encryption set '" + DES + "'.")),
                since(FIRST, validOnUpdate("worker profiles are fixed at create, so an update does not check them", set(WP + "/count", "51"))),

                since(FIRST, invalid("no ingress profile", set("/properties/ingressProfiles", "[]"), "properties.ingressProfiles",
                        "There should be exactly one ingress profile.")),
                since(FIRST, invalid("two ingress profiles", set("/properties/ingressProfiles/1", "{\"name\":\"default\",\"visibility\":\"Public\"}"),
                        "properties.ingressProfiles", "There should be exactly one ingress profile.")),
                since(FIRST, invalid("ingress profile named otherwise", set("/properties/ingressProfiles/0/name", q("apps")),
                        "properties.ingressProfiles['apps'].name", "The provided ingress name 'apps' is invalid.")),
                since(FIRST, invalid("ingress visibility unknown", set("/properties/ingressProfiles/0/visibility", q("Hidden")),
                        "properties.ingressProfiles['default'].visibility", "The provided visibility 'Hidden' is invalid.")),
                since(FIRST, invalid("ingress visibility missing", remove("/properties/ingressProfiles/0/visibility"),
                        "properties.ingressProfiles['default'].visibility", "The provided visibility '' is invalid.")),
                since(FIRST, invalidOnUpdate("an update is validated too", set(NP + "/podCidr", q("10.128.0.0/19")), "properties.networkProfile.podCidr",
                        "The provided pod CIDR '10.128.0.0/19' is invalid: must be /18 or larger.")),
                until(V2023_11_22, invalid("no properties at all", remove("/properties"), "properties.servicePrincipalProfile",
                        "ServicePrincipalProfile cannot be nil in this API version.")));
    }

    /** Every row, in every version from the one where its property appeared (and up to the last where the rule holds). */
    static Stream<Arguments> cases() {
        return rules().flatMap(row -> ApiVersions.all().stream()
                .filter(api -> api.name().compareTo((String) row.get()[0]) >= 0 && api.name().compareTo((String) row.get()[1]) <= 0)
                .map(api -> Arguments.of(api.name(), row.get()[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void validate(String version, ValidationCase c) throws Throwable {
        ApiVersion api = ApiVersions.get(version).orElseThrow();
        ObjectNode request = ExampleRequests.request(api, c.edit().apply(ExampleRequests.servicePrincipalBody(version)));
        ValidationContext context = ExampleRequests.context(version);
        c.check(() -> api.staticValidator().validate(request, context, c.isCreate()));
    }

    private static Arguments since(String version, ValidationCase c) {
        return Arguments.of(version, "9999-12-31", c);
    }

    /** A rule of the versions up to {@code version}; a later version replaced it (2025-07-25: a service principal or managed identities). */
    private static Arguments until(String version, ValidationCase c) {
        return Arguments.of(FIRST, version, c);
    }

    private static String reserved(String cidr) {
        return "Azure Red Hat OpenShift uses 100.64.0.0/16, 169.254.169.0/29, and 100.88.0.0/16 IP address ranges internally. "
                + "Do not include this '" + cidr + "' IP address range in any other CIDR definitions in your cluster.";
    }

    private static String q(String s) {
        return ExampleRequests.JSON.valueToTree(s).toString();
    }
}
