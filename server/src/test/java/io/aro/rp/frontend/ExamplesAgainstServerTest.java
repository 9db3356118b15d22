package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.testing.Examples;
import io.aro.rp.testing.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every example of swagger/ sent to the server: each answers with one of its example's status codes, and
 * the recorded requests and responses validate against the spec (oav validate-traffic), every operation
 * covered.
 */
class ExamplesAgainstServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OAV = Path.of("..", "swagger", "node_modules", ".bin", "oav").toAbsolutePath().normalize();
    /** The order the operations run in, so that each finds the cluster its example needs. */
    private static final List<String> ORDER = List.of("Operations_List", "OpenShiftVersions_List", "OpenShiftVersions_Get",
            "PlatformWorkloadIdentityRoleSets_List", "PlatformWorkloadIdentityRoleSet_Get", "OpenShiftClusters_CreateOrUpdate",
            "OpenShiftClusters_Get", "OpenShiftClusters_List", "OpenShiftClusters_ListByResourceGroup", "OpenShiftClusters_ListCredentials",
            "OpenShiftClusters_ListAdminCredentials", "OpenShiftClusters_Update", "OpenShiftClusters_Delete");

    @TempDir
    Path dir;

    static final List<String> VERSIONS = ApiVersions.all().stream().map(ApiVersion::name).toList();

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void everyExampleRunsAgainstTheServerAndItsTrafficMatchesTheSpec(String version) throws Exception {
        Path spec = Examples.STABLE.resolve(version).resolve("redhatopenshift.json");
        Map<String, Operation> operations = operations(spec);
        Path traffic = Files.createDirectories(dir.resolve("traffic"));
        try (FrontendHarness rp = new FrontendHarness(dir, 10)) {
            String sub = operations.get("OpenShiftClusters_Get").example.at("/parameters/subscriptionId").asText();
            rp.subscription(sub, "Registered");
            for (String operationId : ORDER) {
                Operation op = operations.get(operationId);
                if (op == null) {
                    continue;
                }
                JsonNode parameters = op.example.path("parameters");
                String path = op.path;
                for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    path = path.replace("{" + name + "}", parameters.get(name).asText());
                }
                String url = path + "?api-version=" + version;
                JsonNode body = parameters.get("parameters");
                // ARM sends the identity headers with a request for a resource with managed identities.
                String[] headers = body != null && body.has("identity")
                        ? new String[] {"x-ms-identity-url", FrontendHarness.IDENTITY_URL, "x-ms-home-tenant-id", FrontendHarness.HOME_TENANT_ID}
                        : new String[0];
                Reply reply = rp.http.send(op.method.toUpperCase(), url, body, body == null ? null : "application/json", headers);
                assertTrue(op.example.path("responses").has(Integer.toString(reply.status())),
                        operationId + " answered " + reply + ", the example has " + op.example.path("responses").fieldNames().next());
                record(traffic.resolve(operationId + ".json"), op.method, url, body, reply);
                if (operationId.equals("OpenShiftClusters_CreateOrUpdate") || operationId.equals("OpenShiftClusters_Update")) {
                    rp.finish(reply.json().path("id").asText(), ProvisioningState.SUCCEEDED);
                }
            }
        }

        Path report = dir.resolve("report.json");
        Process oav = new ProcessBuilder(OAV.toString(), "validate-traffic", traffic.toString(), spec.toString(), "--report=",
                "--jsonReport", report.toString(), "-l", "error").redirectErrorStream(true).redirectOutput(dir.resolve("oav.log").toFile()).start();
        assertTrue(oav.waitFor(5, TimeUnit.MINUTES), "oav did not finish");
        assertTrue(Files.exists(report), "oav wrote no report: " + Files.readString(dir.resolve("oav.log")));
        JsonNode result = JSON.readTree(report.toFile());
        assertEquals(0, result.path("errors").size(), result.path("errors").toPrettyString());
        assertEquals(0, result.path("failedOperations").asInt(), result.toPrettyString());
        assertEquals(result.path("allOperations").asInt(), result.path("coveredOperations").asInt(), "every operation is exercised");
    }

    private record Operation(String method, String path, JsonNode example) {
    }

    private static Map<String, Operation> operations(Path spec) throws IOException {
        Map<String, Operation> result = new LinkedHashMap<>();
        JsonNode paths = JSON.readTree(spec.toFile()).path("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode op = method.getValue();
            String ref = op.path("x-ms-examples").elements().next().path("$ref").asText();
            try {
                result.put(op.path("operationId").asText(), new Operation(method.getKey(), path.getKey(), JSON.readTree(spec.resolveSibling(ref).toFile())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        return result;
    }

    private static void record(Path file, String method, String url, JsonNode body, Reply reply) throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        ObjectNode request = entry.putObject("liveRequest");
        request.putObject("headers").put("content-type", "application/json");
        request.put("method", method.toUpperCase());
        request.put("url", "https://management.azure.com" + url);
        request.set("body", body);
        ObjectNode response = entry.putObject("liveResponse");
        response.put("statusCode", Integer.toString(reply.status()));
        ObjectNode headers = response.putObject("headers");
        List<String> names = new ArrayList<>(reply.response().headers().map().keySet());
        names.forEach(name -> headers.put(name.toLowerCase(), reply.header(name)));
        response.set("body", reply.json().isMissingNode() ? null : reply.json());
        JSON.writeValue(file.toFile(), entry);
    }
}
