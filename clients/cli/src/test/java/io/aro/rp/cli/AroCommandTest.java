package io.aro.rp.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aro.rp.sdk.LocalRp;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of {@code aro} end to end: through a stand-in for ARM and Microsoft Graph, to the real RP (embedded store, simulated cloud). */
class AroCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalRp rp;
    static ArmStandIn arm;

    @BeforeAll
    static void start() {
        rp = new LocalRp(dir.resolve("rp"));
        arm = new ArmStandIn(rp.uri(), rp.subscriptionId());
    }

    @AfterAll
    static void stop() {
        arm.close();
        rp.close();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        Result expect(int code) {
            assertEquals(code, exit, "exit code; stdout: " + out + "\nstderr: " + err);
            return this;
        }
    }

    /** {@code aro} with an empty Azure CLI profile, answering {@code stdin} to a prompt. */
    static Result run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("AZURE_CONFIG_DIR", dir.resolve("no-az-login").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AroCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment, true, args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code aro} through the stand-in, in the test's subscription. */
    static Result aro(ArmStandIn azure, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", azure.uri().toString(), "--graph-endpoint", azure.uri().toString(), "--subscription", rp.subscriptionId()));
        return run(Map.of(), "", all.toArray(String[]::new));
    }

    static Result aro(String... args) {
        return aro(arm, args);
    }

    static String[] network(String... more) {
        List<String> args = new ArrayList<>(List.of("--vnet", "vnet", "--vnet-resource-group", "vnet-rg", "--master-subnet", "master", "--worker-subnet", "worker"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static String[] create(String group, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("create", "-g", group, "-n", name));
        args.addAll(List.of(network("--client-id", UUID.randomUUID().toString(), "--client-secret", "s3cret")));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void createShowListCredentialsUpdateAndDelete() throws Exception {
        String des = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/keys/providers/Microsoft.Compute/diskEncryptionSets/des";
        Result creation = aro(create("cli", "one", "--apiserver-visibility", "private", "--ingress-visibility", "PUBLIC", "--outbound-type",
                "loadbalancer", "--fips", "--master-enc-host", "--worker-enc-host", "true", "--enable-preconfigured-nsg", "--disk-encryption-set", des,
                "--lb-ip-count", "2", "--tags", "team=a", "env=dev")).expect(0);
        assertTrue(creation.err().contains("Running"), "a progress indicator on standard error: " + creation.err());
        JsonNode created = creation.json();
        assertEquals("eastus", created.path("location").asText(), "the resource group's location");
        assertEquals("Succeeded", created.at("/properties/provisioningState").asText());
        assertEquals("Private", created.at("/properties/apiserverProfile/visibility").asText(), "case-insensitive, sent as the API spells it");
        assertEquals("Public", created.at("/properties/ingressProfiles/0/visibility").asText());
        assertEquals("Loadbalancer", created.at("/properties/networkProfile/outboundType").asText());
        assertEquals("Enabled", created.at("/properties/clusterProfile/fipsValidatedModules").asText());
        assertEquals("Enabled", created.at("/properties/masterProfile/encryptionAtHost").asText());
        assertEquals("Enabled", created.at("/properties/workerProfiles/0/encryptionAtHost").asText());
        assertEquals("Enabled", created.at("/properties/networkProfile/preconfiguredNSG").asText());
        assertEquals(des, created.at("/properties/masterProfile/diskEncryptionSetId").asText());
        assertEquals(2, created.at("/properties/networkProfile/loadBalancerProfile/managedOutboundIps/count").asInt());
        assertEquals("Standard_D8s_v5", created.at("/properties/masterProfile/vmSize").asText());
        assertEquals("Standard_D4s_v5", created.at("/properties/workerProfiles/0/vmSize").asText());
        assertEquals(Map.of("team", "a", "env", "dev"), JSON.convertValue(created.path("tags"), Map.class));
        String domain = created.at("/properties/clusterProfile/domain").asText();
        assertTrue(domain.matches("[a-z][a-z0-9]{7}"), domain);
        assertTrue(created.at("/properties/clusterProfile/resourceGroupId").asText().endsWith("/resourceGroups/aro-" + domain));

        String table = aro("show", "-g", "cli", "-n", "one", "-o", "table").expect(0).out();
        assertTrue(table.startsWith("Name  ResourceGroup  Location  ProvisioningState  WorkerCount  URL\n----  -------------  --------  "), table);
        assertTrue(table.lines().toList().get(2).matches("one   cli            eastus    Succeeded          3            https://console-openshift-console\\.apps\\..*"), table);
        assertEquals("one\n", aro("list", "-g", "cli", "--query", "[].name", "-o", "tsv").expect(0).out());
        assertTrue(aro("list").expect(0).json().size() >= 1);
        assertEquals("kubeadmin", aro("list-credentials", "-g", "cli", "-n", "one").expect(0).json().path("kubeadminUsername").asText());

        Path kubeconfig = dir.resolve("kubeconfig-one");
        aro("get-admin-kubeconfig", "-g", "cli", "-n", "one", "-f", kubeconfig.toString()).expect(0);
        String written = Files.readString(kubeconfig);
        assertTrue(written.contains("clusters:"), written);
        assertTrue(aro("get-admin-kubeconfig", "-g", "cli", "-n", "one", "-f", kubeconfig.toString()).expect(1).err()
                .contains("File " + kubeconfig + " already exists."));
        assertEquals(written, Files.readString(kubeconfig), "never overwritten");

        Result rotated = aro("update", "-g", "cli", "-n", "one", "--client-secret", "rotated-secret").expect(0);
        assertEquals("Succeeded", rotated.json().at("/properties/provisioningState").asText());
        assertFalse(rotated.out().contains("rotated-secret"));
        arm.server.verify(patchRequestedFor(urlPathMatching(".*/openShiftClusters/one"))
                .withRequestBody(matchingJsonPath("$.properties.servicePrincipalProfile.clientSecret", equalTo("rotated-secret"))));
        assertEquals(3, aro("update", "-g", "cli", "-n", "one", "--lb-ip-count", "3").expect(0).json()
                .at("/properties/networkProfile/loadBalancerProfile/managedOutboundIps/count").asInt());

        aro("delete", "-g", "cli", "-n", "one", "--yes").expect(0);
        Result gone = aro("show", "-g", "cli", "-n", "one").expect(ExitCodes.NOT_FOUND);
        assertTrue(gone.err().startsWith("ERROR: (ResourceNotFound) "), gone.err());
    }

    @Test
    void refreshCredentialsGivesTheServicePrincipalANewSecret() {
        String clientId = UUID.randomUUID().toString();
        arm.application(clientId, "app-" + clientId, "fresh-from-graph");
        List<String> create = new ArrayList<>(List.of("create", "-g", "cli-refresh", "-n", "r", "--client-id", clientId, "--client-secret", "old"));
        create.addAll(List.of(network()));
        aro(create.toArray(String[]::new)).expect(0);
        Result refreshed = aro("update", "-g", "cli-refresh", "-n", "r", "--refresh-credentials").expect(0);
        assertFalse(refreshed.out().contains("fresh-from-graph"), "the secret is never printed");
        arm.server.verify(patchRequestedFor(urlPathMatching(".*/openShiftClusters/r"))
                .withRequestBody(matchingJsonPath("$.properties.servicePrincipalProfile.clientSecret", equalTo("fresh-from-graph"))));
        assertTrue(aro("update", "-g", "cli-refresh", "-n", "r", "--refresh-credentials", "--client-secret", "x").expect(ExitCodes.USAGE).err()
                .contains("--client-secret must not be set with --refresh-credentials"));
        aro("delete", "-g", "cli-refresh", "-n", "r", "-y").expect(0);
    }

    @Test
    void everyCreateFlagReachesTheCluster() throws Exception {
        Path pullSecret = dir.resolve("pull-secret.json");
        Files.writeString(pullSecret, "{\"auths\":{\"registry.redhat.io\":{\"auth\":\"dXNlcjpwYXNz\"}}}\n");
        JsonNode created = aro(create("cli-flags", "flags", "-l", "EastUS", "--pull-secret", "@" + pullSecret, "--domain", "flags.example.com",
                "--cluster-resource-group", "flags-managed", "--version", "4.13.40", "--pod-cidr", "10.132.0.0/14", "--service-cidr", "172.31.0.0/16",
                "--master-vm-size", "Standard_D16s_v5", "--worker-vm-size", "Standard_D8s_v5", "--worker-vm-disk-size-gb", "256", "--worker-count", "4",
                "--apiserver-visibility", "Private", "--ingress-visibility", "private", "--outbound-type", "userdefinedrouting", "--fips", "false"))
                .expect(0).json();
        assertEquals("flags.example.com", created.at("/properties/clusterProfile/domain").asText());
        assertTrue(created.at("/properties/clusterProfile/resourceGroupId").asText().endsWith("/resourceGroups/flags-managed"));
        assertEquals("4.13.40", created.at("/properties/clusterProfile/version").asText());
        assertTrue(created.at("/properties/clusterProfile/pullSecret").isMissingNode(), "the pull secret is never returned");
        assertEquals("10.132.0.0/14", created.at("/properties/networkProfile/podCidr").asText());
        assertEquals("172.31.0.0/16", created.at("/properties/networkProfile/serviceCidr").asText());
        assertEquals("UserDefinedRouting", created.at("/properties/networkProfile/outboundType").asText());
        assertEquals("Disabled", created.at("/properties/clusterProfile/fipsValidatedModules").asText());
        assertEquals("Standard_D16s_v5", created.at("/properties/masterProfile/vmSize").asText());
        assertEquals("Standard_D8s_v5", created.at("/properties/workerProfiles/0/vmSize").asText());
        assertEquals(256, created.at("/properties/workerProfiles/0/diskSizeGB").asInt());
        assertEquals(4, created.at("/properties/workerProfiles/0/count").asInt());
        assertEquals("Private", created.at("/properties/ingressProfiles/0/visibility").asText());
        arm.server.verify(putRequestedFor(urlPathMatching(".*/openShiftClusters/flags"))
                .withRequestBody(matchingJsonPath("$.properties.clusterProfile.pullSecret", equalTo(Files.readString(pullSecret).strip()))));
        aro("delete", "-g", "cli-flags", "-n", "flags", "-y").expect(0);
    }

    @Test
    void outputFormatsAndQueries() throws Exception {
        aro(create("cli-output", "shown")).expect(0);
        String json = aro("show", "-g", "cli-output", "-n", "shown").expect(0).out();
        List<String> keys = new ArrayList<>();
        JSON.readTree(json).fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.stream().sorted().toList(), keys, "keys sorted, as az prints them");
        assertTrue(json.startsWith("{\n  \"id\": \""), json);
        String jsonc = aro("show", "-g", "cli-output", "-n", "shown", "-o", "jsonc").expect(0).out();
        assertTrue(jsonc.contains("\u001b["), "coloured");
        assertEquals(JSON.readTree(json), JSON.readTree(jsonc.replaceAll("\u001b\\[[0-9;]*m", "")));
        JsonNode yaml = new YAMLMapper().readTree(aro("show", "-g", "cli-output", "-n", "shown", "-o", "yaml").expect(0).out());
        assertEquals(JSON.readTree(json), yaml);
        String tsv = aro("show", "-g", "cli-output", "-n", "shown", "-o", "tsv").expect(0).out();
        assertTrue(tsv.startsWith("/subscriptions/" + rp.subscriptionId() + "/resourceGroups/cli-output/"), tsv);
        assertEquals("", aro("show", "-g", "cli-output", "-n", "shown", "-o", "none").expect(0).out());
        assertEquals("Succeeded\n", aro("show", "-g", "cli-output", "-n", "shown", "--query", "properties.provisioningState", "-o", "tsv").expect(0).out());
        String queriedTable = aro("show", "-g", "cli-output", "-n", "shown", "--query", "{name: name, state: properties.provisioningState}",
                "-o", "table").expect(0).out();
        assertEquals("Name   State\n-----  ---------\nshown  Succeeded\n", queriedTable);
        assertTrue(aro("show", "-g", "cli-output", "-n", "shown", "--query", "[?").expect(ExitCodes.USAGE).err().contains("--query"));

        assertEquals(List.of("4.13.40", "4.14.38"), JSON.convertValue(aro("get-versions", "-l", "eastus").expect(0).json(), List.class));
        assertEquals("Version\n-------\n4.13.40\n4.14.38\n", aro("get-versions", "-l", "eastus", "-o", "table").expect(0).out());
        assertEquals("4.14.38\n", aro("get-versions", "-l", "eastus", "--query", "[-1]", "-o", "tsv").expect(0).out());
        aro("delete", "-g", "cli-output", "-n", "shown", "-y").expect(0);
    }

    @Test
    void noWaitReturnsAtOnceAndWaitFollowsTheCluster() {
        assertEquals("", aro(create("cli-wait", "two", "--no-wait")).expect(0).out());
        aro("wait", "-g", "cli-wait", "-n", "two", "--created", "--interval", "1").expect(0);
        assertEquals("Succeeded", aro("show", "-g", "cli-wait", "-n", "two").expect(0).json().at("/properties/provisioningState").asText());
        aro("wait", "-g", "cli-wait", "-n", "two", "--custom", "properties.provisioningState=='Succeeded'", "--interval", "1").expect(0);
        aro("delete", "-g", "cli-wait", "-n", "two", "-y", "--no-wait").expect(0);
        aro("wait", "-g", "cli-wait", "-n", "two", "--deleted", "--interval", "1").expect(0);
        aro("show", "-g", "cli-wait", "-n", "two").expect(ExitCodes.NOT_FOUND);
        assertTrue(aro("wait", "-g", "cli-wait", "-n", "two", "--exists", "--interval", "1", "--timeout", "1").expect(1).err().contains("timed-out"));
    }

    @Test
    void exitCodesAreAzureClis() {
        aro("show", "-g", "cli-codes", "-n", "absent").expect(ExitCodes.NOT_FOUND);
        assertTrue(aro(create("missing", "x")).expect(ExitCodes.NOT_FOUND).err().contains("Resource group 'missing' could not be found"));
        Result refused = aro(create("cli-codes", "tiny", "--master-vm-size", "Standard_Tiny")).expect(ExitCodes.ERROR);
        assertTrue(refused.err().startsWith("ERROR: (InvalidParameter) "), refused.err());
        assertTrue(refused.err().contains("\nTarget: properties.masterProfile.vmSize"), refused.err());
        assertTrue(aro(create("cli-codes", "x", "--apiserver-visibility", "internal")).expect(ExitCodes.USAGE).err()
                .contains("argument --apiserver-visibility: invalid choice: 'internal' (choose from 'Private', 'Public')"));
        assertTrue(aro("create", "-g", "cli-codes", "-n", "x").expect(ExitCodes.USAGE).err().contains("Missing required options"));
        assertTrue(aro("create", "-g", "cli-codes", "-n", "x", "--master-subnet", "master", "--worker-subnet", "worker", "--client-id", "c",
                "--client-secret", "s").expect(ExitCodes.USAGE).err().contains("a subnet name needs --vnet"));
        assertTrue(aro("create", "-g", "cli-codes", "-n", "x", "--master-subnet", "m", "--worker-subnet", "w").expect(ExitCodes.USAGE).err()
                .contains("--client-id"));
        assertTrue(aro(create("cli-codes", "x", "--pull-secret", "@" + dir.resolve("absent.json"))).expect(ExitCodes.USAGE).err()
                .contains("Cannot read the argument file"));
        aro("no-such-command").expect(ExitCodes.USAGE);
    }

    @Test
    void deleteAsksFirst() {
        aro(create("cli-ask", "kept")).expect(0);
        List<String> delete = List.of("delete", "-g", "cli-ask", "-n", "kept", "--endpoint", arm.uri().toString(), "--subscription", rp.subscriptionId());
        assertTrue(run(Map.of(), "", delete.toArray(String[]::new)).expect(1).err().contains("Use --yes."));
        Result declined = run(Map.of(), "n\n", delete.toArray(String[]::new)).expect(0);
        assertTrue(declined.err().contains("Are you sure you want to perform this operation? (y/n): "));
        assertEquals("Succeeded", aro("show", "-g", "cli-ask", "-n", "kept").expect(0).json().at("/properties/provisioningState").asText());
        run(Map.of(), "y\n", delete.toArray(String[]::new)).expect(0);
        aro("show", "-g", "cli-ask", "-n", "kept").expect(ExitCodes.NOT_FOUND);
    }

    @Test
    void managedIdentityClustersAsAzAroMakesThem() {
        String[] requirements = network("-g", "cli-mi", "--version", "4.14.38");
        Result listed = aro(concat(new String[] {"identity", "get-required"}, requirements)).expect(0);
        assertTrue(listed.err().contains("az identity create -g 'cli-mi' -n 'aro-cluster' -l 'eastus'"), listed.err());
        assertTrue(listed.err().contains("az role assignment create"), listed.err());

        JsonNode identities = aro(concat(new String[] {"identity", "create-required", "--yes"}, requirements)).expect(0).json();
        assertEquals("aro-cluster", identities.get(0).path("name").asText());
        int operators = identities.size() - 1;
        assertTrue(operators >= 5, identities.toString());
        // each operator over both subnets, the cluster identity over each operator identity, the first party over the vnet
        arm.server.verify(2 * operators + operators + 1, putRequestedFor(urlPathMatching("/+subscriptions/.*/roleAssignments/.*")));
        arm.server.verify(putRequestedFor(urlPathMatching("/+" + arm.vnetId().substring(1) + "/providers/Microsoft.Authorization/roleAssignments/.*"))
                .withRequestBody(matchingJsonPath("$.properties.principalId", equalTo(ArmStandIn.FIRST_PARTY_OBJECT_ID))));

        List<String> create = new ArrayList<>(List.of("create", "-g", "cli-mi", "-n", "mi", "--enable-managed-identity", "--version", "4.14.38",
                "--assign-cluster-identity", "aro-cluster"));
        for (JsonNode identity : identities) {
            if (!identity.path("name").asText().equals("aro-cluster")) {
                create.addAll(List.of("--assign-platform-workload-identity", identity.path("name").asText(), identity.path("id").asText()));
            }
        }
        JsonNode cluster = aro(concat(create.toArray(String[]::new), network())).expect(0).json();
        assertEquals("Succeeded", cluster.at("/properties/provisioningState").asText());
        assertTrue(cluster.at("/properties/servicePrincipalProfile").isMissingNode() || cluster.at("/properties/servicePrincipalProfile").isNull());
        assertEquals(operators, cluster.at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities").size());
        assertTrue(cluster.at("/identity/userAssignedIdentities").fieldNames().next().endsWith("/userAssignedIdentities/aro-cluster"));

        JsonNode created = aro(concat(new String[] {"create", "-g", "cli-mi-made", "-n", "made", "--enable-mi", "--version", "4.14.38"}, network()))
                .expect(0).json();
        assertEquals(operators, created.at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities").size(),
                "without identities, create makes them as create-required does");

        aro("delete", "-g", "cli-mi-made", "-n", "made", "-y", "--delete-identities").expect(0);
        arm.server.verify(operators + 1, deleteRequestedFor(urlPathMatching("/+subscriptions/.*/resourceGroups/cli-mi-made/providers/Microsoft.ManagedIdentity/userAssignedIdentities/.*")));
        Result kept = aro("delete", "-g", "cli-mi", "-n", "mi", "-y").expect(0);
        assertTrue(kept.err().contains("az identity delete -g cli-mi -n aro-cluster"), kept.err());
        assertTrue(aro(create("cli-mi", "sp")).expect(0).exit() == 0);
        assertTrue(aro("update", "-g", "cli-mi", "-n", "sp", "--assign-cluster-identity", "aro-cluster").expect(1).err()
                .contains("Cannot assign platform workload identities or a cluster identity to a cluster with service principal."));
        aro("delete", "-g", "cli-mi", "-n", "sp", "-y").expect(0);
    }

    @Test
    void validateChecksTheNetworkAndTheRoles() {
        String clientId = UUID.randomUUID().toString();
        String clientObjectId = UUID.randomUUID().toString();
        try (ArmStandIn azure = new ArmStandIn(rp.uri(), rp.subscriptionId())) {
            azure.servicePrincipal(clientId, clientObjectId);
            String[] validate = concat(new String[] {"validate", "-g", "cli-validate", "-n", "v", "--client-id", clientId}, network());

            Result missing = aro(azure, validate).expect(ExitCodes.ERROR);
            assertTrue(missing.err().contains("The following errors are fatal and will block cluster creation:"), missing.err());
            assertTrue(missing.err().contains("Azure Red Hat OpenShift RP does not have the role " + ValidateCommand.NETWORK_CONTRIBUTOR_ROLE + " over "
                    + azure.vnetId()), missing.err());
            assertTrue(missing.err().contains("cluster service principal " + clientId + " does not have the role"), missing.err());

            String contributor = "/subscriptions/" + rp.subscriptionId() + "/providers/Microsoft.Authorization/roleDefinitions/"
                    + ValidateCommand.NETWORK_CONTRIBUTOR_ROLE;
            azure.roleAssignments("[" + ArmStandIn.roleAssignment(ArmStandIn.FIRST_PARTY_OBJECT_ID, contributor, azure.vnetId()) + ","
                    + ArmStandIn.roleAssignment(clientObjectId, contributor, azure.vnetId()) + "]");
            assertEquals("", aro(azure, validate).expect(0).err());

            assertTrue(aro(azure, concat(validate, new String[] {"--pod-cidr", "10.0.0.0/16"})).expect(ExitCodes.ERROR).err()
                    .contains("--pod-cidr 10.0.0.0/16 is not valid as it overlaps with subnet master 10.0.0.0/23"));
            assertTrue(aro(azure, "validate", "-g", "cli-validate", "-n", "v", "--client-id", clientId, "--vnet", "vnet", "--vnet-resource-group", "vnet-rg",
                    "--master-subnet", "nope", "--worker-subnet", "worker").expect(ExitCodes.ERROR).err().contains("The subnet could not be found"));
            assertTrue(aro(azure, concat(validate, new String[] {"--version", "4.99.1"})).expect(ExitCodes.ERROR).err()
                    .contains("4.99.1 is not a version eastus installs"));
        }
    }

    @Test
    void validateChecksAManagedIdentityClustersRoles() {
        try (ArmStandIn azure = new ArmStandIn(rp.uri(), rp.subscriptionId())) {
            String identities = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
            List<String> validate = new ArrayList<>(List.of("validate", "-g", "cli-validate-mi", "-n", "v", "--enable-managed-identity", "--version",
                    "4.14.38", "--assign-cluster-identity", identities + "cluster"));
            validate.addAll(List.of(network()));
            String[] operators = {"aro-operator", "cloud-controller-manager", "cloud-network-config", "disk-csi-driver", "file-csi-driver",
                "image-registry", "ingress", "machine-api"};
            for (String operator : operators) {
                validate.addAll(List.of("--assign-platform-workload-identity", operator, identities + operator));
                azure.identity(identities + operator, principalOf(operator));
            }
            azure.identity(identities + "cluster", principalOf("cluster"));

            Result missing = aro(azure, validate.toArray(String[]::new)).expect(ExitCodes.ERROR);
            assertTrue(missing.err().contains("ingress does not have the role"), missing.err());
            assertTrue(missing.err().contains("aro-cluster does not have the role " + RequiredIdentities.FEDERATED_CREDENTIAL_ROLE + " over " + identities
                    + "ingress"), missing.err());

            // Each role granted over the subscription applies everywhere.
            List<String> granted = new ArrayList<>();
            String subscription = "/subscriptions/" + rp.subscriptionId();
            for (String operator : operators) {
                granted.add(ArmStandIn.roleAssignment(principalOf(operator), "/any/roleDefinitions/" + roleOf(operator), subscription));
            }
            granted.add(ArmStandIn.roleAssignment(principalOf("cluster"), "/any/roleDefinitions/" + RequiredIdentities.FEDERATED_CREDENTIAL_ROLE, subscription));
            granted.add(ArmStandIn.roleAssignment(ArmStandIn.FIRST_PARTY_OBJECT_ID, "/any/roleDefinitions/" + RequiredIdentities.FIRST_PARTY_ROLE, subscription));
            azure.roleAssignments("[" + String.join(",", granted) + "]");
            Result held = aro(azure, validate.toArray(String[]::new)).expect(0);
            assertEquals("", held.err());

            validate.subList(validate.size() - 3, validate.size()).clear();
            assertTrue(aro(azure, validate.toArray(String[]::new)).expect(ExitCodes.ERROR).err()
                    .contains("No platform workload identity is given for the operator machine-api."));
        }
    }

    private static String principalOf(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The role definition GUID of an operator in the RP's 4.14 role set. */
    private static String roleOf(String operator) {
        String id = rp.manager().platformWorkloadIdentityRoleSets().get("eastus", "4.14").platformWorkloadIdentityRoles().stream()
                .filter(role -> role.operatorName().equals(operator)).findFirst().orElseThrow().roleDefinitionId();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    @Test
    void subscriptionsAsAzFindsThem() throws Exception {
        Path config = dir.resolve("az-profile");
        Files.createDirectories(config);
        Files.writeString(config.resolve("azureProfile.json"), "\uFEFF{\"subscriptions\":[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"other\","
                + "\"tenantId\":\"t\",\"isDefault\":false},{\"id\":\"" + rp.subscriptionId() + "\",\"name\":\"ARO dev\",\"tenantId\":\"t\",\"isDefault\":true}]}");
        String endpoint = arm.uri().toString();
        run(Map.of("AZURE_CONFIG_DIR", config.toString()), "", "get-versions", "-l", "eastus", "--endpoint", endpoint).expect(0);
        run(Map.of("AZURE_CONFIG_DIR", config.toString()), "", "get-versions", "-l", "eastus", "--endpoint", endpoint, "--subscription", "ARO dev").expect(0);
        run(Map.of("AZURE_SUBSCRIPTION_ID", rp.subscriptionId()), "", "get-versions", "-l", "eastus", "--endpoint", endpoint).expect(0);
        assertTrue(run(Map.of(), "", "get-versions", "-l", "eastus", "--endpoint", endpoint).expect(1).err().contains("az login"));
        assertTrue(run(Map.of("AZURE_CONFIG_DIR", config.toString()), "", "get-versions", "-l", "eastus", "--endpoint", endpoint, "--subscription", "nope")
                .expect(1).err().contains("Subscription 'nope' not found"));

        String fresh = UUID.randomUUID().toString();
        String[] local = {"--endpoint", rp.uri().toString(), "--subscription", fresh};
        run(Map.of(), "", concat(new String[] {"list"}, local)).expect(ExitCodes.ERROR);
        run(Map.of(), "", concat(new String[] {"subscription", "register"}, local)).expect(0);
        assertEquals("[]", run(Map.of(), "", concat(new String[] {"list", "-o", "json"}, local)).expect(0).out().strip());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("create", "delete", "list", "show", "update", "wait", "list-credentials", "get-admin-kubeconfig",
                "get-versions", "validate", "identity")) {
            assertTrue(aro(command, "--help").expect(0).out().startsWith("Usage: aro " + command), command);
        }
        assertTrue(aro("create", "--help").out().contains("--version=<version>"), "create's --version is the OpenShift version");
        assertTrue(aro("get-admin-kubeconfig", "--help").out().contains("Default: kubeconfig in local directory"));
        assertTrue(aro("--cli-version").expect(0).out().contains("API version 2025-07-25"));
    }

    static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
