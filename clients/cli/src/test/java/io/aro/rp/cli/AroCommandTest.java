package io.aro.rp.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.sdk.LocalRp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of {@code aro} end to end against the real RP (embedded store, simulated cloud) on a random port. */
class AroCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static LocalRp rp;

    @BeforeAll
    static void start() {
        rp = new LocalRp(dataDir);
    }

    @AfterAll
    static void stop() {
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

    /** {@code aro} with the local RP and the test's subscription, polling fast. */
    private static Result aro(String... args) {
        return aroIn(rp.subscriptionId(), args);
    }

    private static Result aroIn(String subscription, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", rp.uri().toString(), "--subscription", subscription, "--poll-interval", "PT0.1S"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AroCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private static String[] create(String group, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("create", "-g", group, "-n", name, "--vnet", "vnet", "--master-subnet", "master",
                "--worker-subnet", "worker", "--client-id", UUID.randomUUID().toString(), "--client-secret", "s3cret"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void createShowListCredentialsUpdateAndDelete(@TempDir Path dir) throws Exception {
        Result created = aro(create("cli", "one", "--tags", "team=a", "--wait")).expect(0);
        assertEquals("Succeeded", created.json().at("/properties/provisioningState").asText());
        assertTrue(created.err().contains(" - Running"), "a progress indicator on stderr: " + created.err());
        assertEquals("/subscriptions/" + rp.subscriptionId() + "/resourceGroups/cli/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master",
                created.json().at("/properties/masterProfile/subnetId").asText());

        assertEquals("one", aro("show", "-g", "cli", "-n", "one").expect(0).json().path("name").asText());
        String table = aro("show", "-g", "cli", "-n", "one", "-o", "table").expect(0).out();
        assertTrue(table.startsWith("Name  ResourceGroup  Location  ProvisioningState  WorkerCount  Console"), table);
        assertTrue(table.lines().skip(2).findFirst().orElseThrow().startsWith("one   cli            eastus    Succeeded          3"), table);

        JsonNode listed = aro("list", "-g", "cli").expect(0).json();
        assertTrue(listed.isArray() && listed.size() == 1 && listed.get(0).path("name").asText().equals("one"), listed.toString());
        assertTrue(aro("list").expect(0).json().size() >= 1);

        JsonNode credentials = aro("list-credentials", "-g", "cli", "-n", "one").expect(0).json();
        assertEquals("kubeadmin", credentials.path("kubeadminUsername").asText());
        assertTrue(credentials.path("kubeadminPassword").asText().length() > 10);
        assertTrue(aro("list-admin-credentials", "-g", "cli", "-n", "one").expect(0).json().path("kubeconfig").asText().length() > 10);
        Path kubeconfig = dir.resolve("kubeconfig");
        aro("list-admin-credentials", "-g", "cli", "-n", "one", "--file", kubeconfig.toString()).expect(0);
        assertTrue(Files.readString(kubeconfig).startsWith("apiVersion: v1"), Files.readString(kubeconfig));

        JsonNode updated = aro("update", "-g", "cli", "-n", "one", "--tags", "team=b", "--client-secret", "rotated").expect(0).json();
        assertEquals("b", updated.at("/tags/team").asText());
        assertFalse(updated.at("/properties/servicePrincipalProfile").has("clientSecret"), "the secret is never returned");

        aro("delete", "-g", "cli", "-n", "one", "--yes").expect(0);
        Result gone = aro("show", "-g", "cli", "-n", "one").expect(1);
        assertTrue(gone.err().startsWith("ERROR: (ResourceNotFound)"), gone.err());
    }

    @Test
    void noWaitReturnsAtOnceAndShowFollowsTheOperation() {
        Result accepted = aro(create("cli-nowait", "two", "--no-wait")).expect(0);
        assertEquals("", accepted.out());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String state;
        do {
            state = aro("show", "-g", "cli-nowait", "-n", "two").expect(0).json().at("/properties/provisioningState").asText();
            assertTrue(List.of("Creating", "Succeeded").contains(state), state);
        } while (!state.equals("Succeeded") && Instant.now().isBefore(deadline));
        assertEquals("Succeeded", state);
        aro("delete", "-g", "cli-nowait", "-n", "two", "--yes", "--no-wait").expect(0);
    }

    @Test
    void badInputEndsNonZeroWithTheCloudErrorMessage() {
        Result refused = aro(create("cli-bad", "tiny", "--master-vm-size", "Standard_Tiny")).expect(1);
        assertTrue(refused.err().startsWith("ERROR: (InvalidParameter) "), refused.err());
        assertTrue(refused.err().contains("Standard_Tiny"), refused.err());
        assertTrue(refused.err().contains("Target: properties.masterProfile.vmSize"), refused.err());
        assertEquals("", refused.out());
    }

    @Test
    void aManagedIdentityClusterAsAzAroCreatesIt() {
        List<String> args = new ArrayList<>(List.of("create", "-g", "cli-mi", "-n", "mi", "--vnet", "vnet", "--master-subnet", "master",
                "--worker-subnet", "worker", "--version", "4.14.38", "--enable-managed-identity", "--assign-cluster-identity", "aro-cluster", "--wait"));
        rp.client().getPlatformWorkloadIdentityRoleSet(LocalRp.LOCATION, "4.14").getProperties().getPlatformWorkloadIdentityRoles().forEach(role ->
                args.addAll(List.of("--assign-platform-workload-identity", role.getOperatorName(), "aro-" + role.getOperatorName())));
        WireMockServer arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        arm.start();
        try {
            // ARM sends the identity's data plane URL and the home tenant with the PUT of a cluster that has a managed identity
            arm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(rp.uri().toString().replaceAll("/$", ""))
                    .withAdditionalRequestHeader("x-ms-identity-url", "https://eastus.identity.azure.net/credentials?tid=t&oid=o&aid=a")
                    .withAdditionalRequestHeader("x-ms-home-tenant-id", UUID.randomUUID().toString())));
            args.addAll(List.of("--endpoint", arm.baseUrl(), "--subscription", rp.subscriptionId(), "--poll-interval", "PT0.1S"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Result created = new Result(AroCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new)),
                    out.toString(), err.toString()).expect(0);

            assertEquals("Succeeded", created.json().at("/properties/provisioningState").asText());
            String identities = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/cli-mi/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
            assertTrue(created.json().at("/identity/userAssignedIdentities").has(identities + "aro-cluster"), created.out());
            assertEquals(identities + "aro-ingress",
                    created.json().at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities/ingress/resourceId").asText());
            assertTrue(created.json().at("/properties/servicePrincipalProfile").isMissingNode() || created.json().at("/properties/servicePrincipalProfile")
                    .isNull(), created.out());
            assertFalse(created.json().at("/properties/clusterProfile/oidcIssuer").asText().isEmpty());
        } finally {
            arm.stop();
        }
        aro("delete", "-g", "cli-mi", "-n", "mi", "--yes", "--wait").expect(0);
    }

    @Test
    void aWrongCommandLineEndsWithTwo() {
        assertTrue(aro("create", "-g", "cli", "-n", "x").expect(2).err().contains("Missing required options"));
        assertTrue(aro("create", "-g", "cli", "-n", "x", "--master-subnet", "master", "--worker-subnet", "worker", "--client-id", "c",
                "--client-secret", "s").expect(2).err().contains("give --vnet too"));
        assertTrue(aro("delete", "-g", "cli", "-n", "x").expect(2).err().contains("--yes"));
        assertTrue(aro("update", "-g", "cli", "-n", "x").expect(2).err().contains("Nothing to update"));
        aro("no-such-command").expect(2);
        assertTrue(aro("create", "-g", "cli", "-n", "x", "--master-subnet", "master", "--worker-subnet", "worker").expect(2).err()
                .contains("--enable-managed-identity"), "neither a service principal nor managed identities");
        assertTrue(aro(create("cli", "x", "--enable-managed-identity", "--assign-cluster-identity", "c")).expect(2).err()
                .contains("cannot be used with --enable-managed-identity"));
        assertTrue(aro("create", "-g", "cli", "-n", "x", "--vnet", "v", "--master-subnet", "master", "--worker-subnet", "worker",
                "--enable-managed-identity", "--assign-cluster-identity", "c", "--assign-platform-workload-identity", "ingress", "a",
                "--assign-platform-workload-identity", "ingress", "b").expect(2).err().contains("names 'ingress' twice"));
    }

    @Test
    void everyCommandHasHelpAndTheToolAVersion() {
        for (String command : List.of("create", "list", "show", "update", "delete", "list-credentials", "list-admin-credentials", "get-versions")) {
            Result help = aro(command, "--help").expect(0);
            assertTrue(help.out().startsWith("Usage: aro " + command), help.out());
        }
        assertTrue(aro("create", "--help").expect(0).out().contains("--version=<version>"), "create's --version is the OpenShift version");
        assertTrue(aro("--version").expect(0).out().contains("API version 2025-07-25"));
    }

    @Test
    void anOperationOutlastingTheTimeoutEndsWithFour() {
        Result timedOut = aro(create("cli-timeout", "three", "--timeout", "PT0.05S")).expect(4);
        assertTrue(timedOut.err().contains("has not finished within"), timedOut.err());
    }

    @Test
    void anUnreachableServiceEndsWithFive() {
        StringWriter err = new StringWriter();
        int exit = AroCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "list", "--endpoint", "http://127.0.0.1:1/");
        assertEquals(5, exit, err.toString());
        assertTrue(err.toString().startsWith("ERROR: cannot reach"), err.toString());
    }

    @Test
    void aSubscriptionRegisteredThroughTheCliCanHoldClusters() {
        String subscription = UUID.randomUUID().toString();
        Result refused = aroIn(subscription, "list").expect(1);
        assertTrue(refused.err().contains("(InvalidSubscriptionState)") || refused.err().contains("(SubscriptionNotFound)"), refused.err());
        aroIn(subscription, "subscription", "register").expect(0);
        assertEquals(0, aroIn(subscription, "list").expect(0).json().size());
    }

    @Test
    void theVersionsOfTheRegionAsJsonAndTable() {
        JsonNode versions = aro("get-versions").expect(0).json();
        List<String> names = new ArrayList<>();
        versions.forEach(v -> names.add(v.at("/properties/version").asText()));
        assertTrue(names.contains("4.14.38"), names.toString());
        assertTrue(aro("get-versions", "-o", "table").expect(0).out().contains("4.14.38"));
    }
}
