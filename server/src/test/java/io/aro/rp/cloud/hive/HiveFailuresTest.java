package io.aro.rp.cloud.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aro.rp.api.CloudErrorBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hive's failure reasons as the customer gets them: an installer log is classified by the regexes the RP
 * installs into Hive (deploy/hive), first match winning as in Hive, and the reason becomes a CloudError
 * with ARM's details from the log.
 */
class HiveFailuresTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path REGEXES = Path.of("..", "deploy", "hive", "additional-install-log-regexes.yaml");

    private record Regex(String reason, List<Pattern> patterns) {
    }

    private static List<Regex> regexes() throws Exception {
        JsonNode configMap = YAML.readTree(Files.readString(REGEXES));
        List<Regex> regexes = new ArrayList<>();
        for (JsonNode entry : YAML.readTree(configMap.at("/data/regexes").asText())) {
            List<Pattern> patterns = new ArrayList<>();
            entry.path("searchRegexStrings").forEach(p -> patterns.add(Pattern.compile(p.asText())));
            regexes.add(new Regex(entry.path("installFailingReason").asText(), patterns));
        }
        return regexes;
    }

    /** The reason Hive gives a log: the first entry with a matching regex. */
    private static String classify(String log) throws Exception {
        for (Regex regex : regexes()) {
            if (regex.patterns().stream().anyMatch(p -> p.matcher(log).find())) {
                return regex.reason();
            }
        }
        return "UnknownError";
    }

    private static String armLog(String error) {
        return "time=\"2026-11-27T10:00:00Z\" level=error msg=\"failed to fetch Cluster: failed to generate asset\"\n"
                + "level=error msg=400: DeploymentFailed: : Deployment failed. Details: : : " + error + "\n";
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(armLog("{\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"OperationNotAllowed\",\"message\":\"Operation could not be "
                        + "completed as it results in exceeding approved standardDSv3Family Cores quota. Additional required: 24.\"}]}"),
                        "AzureQuotaExceeded", "ResourceQuotaExceeded", "OperationNotAllowed"),
                Arguments.of(armLog("{\"code\":\"QuotaExceeded\",\"message\":\"Quota exceeded for PublicIPAddresses.\"}"),
                        "AzureQuotaExceeded", "ResourceQuotaExceeded", "QuotaExceeded"),
                Arguments.of(armLog("{\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"SkuNotAvailable\",\"message\":\"The requested size for "
                        + "resource 'x-master-0' is currently not available in location 'eastus'.\"}]}"), "AzureSkuNotAvailable", "SkuNotAvailable",
                        "SkuNotAvailable"),
                Arguments.of(armLog("{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'abc' does not have authorization to perform action "
                        + "'Microsoft.Network/loadBalancers/write'.\"}"), "AzureAuthorizationFailed", "InvalidServicePrincipalPermissions",
                        "AuthorizationFailed"),
                Arguments.of("level=error msg=\"AADSTS7000215: Invalid client secret provided.\"", "AzureInvalidCredentials",
                        "InvalidServicePrincipalCredentials", null),
                Arguments.of(armLog("{\"code\":\"InvalidTemplateDeployment\",\"details\":[{\"code\":\"RequestDisallowedByPolicy\",\"target\":"
                        + "\"x-pip-v4\",\"message\":\"Resource 'x-pip-v4' was disallowed by policy.\"}]}"), "AzureRequestDisallowedByPolicy",
                        "DeploymentFailed", "RequestDisallowedByPolicy"),
                Arguments.of(armLog("{\"code\":\"InvalidTemplateDeployment\",\"details\":[{\"code\":\"InvalidParameter\",\"message\":\"bad\"}]}"),
                        "AzureInvalidTemplateDeployment", "DeploymentFailed", "InvalidParameter"),
                Arguments.of(armLog("{\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"ZonalAllocationFailed\",\"message\":\"no capacity\"}]}"),
                        "AzureZonalAllocationFailed", "DeploymentFailed", "ZonalAllocationFailed"),
                Arguments.of(armLog("{\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"OSProvisioningTimedOut\",\"message\":\"too slow\"}]}"),
                        "AzureOSProvisioningTimedOut", "DeploymentFailed", "OSProvisioningTimedOut"),
                Arguments.of("level=error msg=\"storage account clusterabcdefghij: KeyBasedAuthenticationNotPermitted\"",
                        "AzureKeyBasedAuthenticationNotPermitted", "DeploymentFailed", null),
                Arguments.of("level=fatal msg=\"Bootstrap failed to complete\"", "UnknownError", "InternalServerError", null));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void anInstallerLogBecomesTheCustomersCloudError(String log, String reason, String code, String detailCode) throws Exception {
        assertEquals(reason, classify(log), "the reason Hive gives");
        CloudErrorBody error = HiveFailures.toCloudError(reason, log);
        assertEquals(code, error.getCode());
        assertTrue(!error.getMessage().isEmpty() && !error.getMessage().contains("level="), "a message for the customer: " + error.getMessage());
        if (detailCode == null) {
            assertTrue(error.getDetails().isEmpty(), error.getDetails().toString());
        } else {
            assertEquals(detailCode, error.getDetails().get(0).getCode(), error.getDetails().toString());
        }
    }

    @Test
    void everyReasonTheRpKnowsHasARegexInHiveAndEveryRegexAReason() throws Exception {
        assertEquals(HiveFailures.knownReasons(), regexes().stream().map(Regex::reason).sorted().toList());
    }

    @Test
    void anUnknownReasonIsArosGenericError() {
        CloudErrorBody error = HiveFailures.toCloudError("InstallerPodFailed", null);
        assertEquals("InternalServerError", error.getCode());
        assertEquals("Deployment failed.", error.getMessage());
        assertEquals(HiveFailures.GENERIC, HiveFailures.toCloudError(null, "anything"));
    }

    @Test
    void armDetailsKeepTheirTargetAndAStartedButCutJsonIsSkipped() {
        List<CloudErrorBody> details = HiveFailures.armDetails("Details: {\"code\":\"X\",\"mess\n"
                + "{\"error\":{\"code\":\"BadRequest\",\"details\":[{\"code\":\"InvalidParameter\",\"target\":\"vmSize\",\"message\":\"m\"}]}}");
        assertEquals(1, details.size());
        assertEquals("vmSize", details.get(0).getTarget());
    }
}
