package io.aro.rp.cloud.hive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed Hive installation means for the customer (ARO's pkg/hive/failure): the reason Hive gives
 * on its failure condition, matched by the installer log regexes that deploy/hive installs into Hive,
 * becomes a CloudError the customer can act on; ARM's own error details are taken from the install log
 * where it has them. An unknown reason is ARO's generic "Deployment failed."
 */
public final class HiveFailures {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where an ARM error starts in an install log: the JSON object that holds "code" (or "error"). */
    private static final Pattern ARM_ERROR = Pattern.compile("\\{\\s*\"(error|code)\"\\s*:");

    /** What the customer is told for a reason: its code and message; whether ARM's details from the log are attached. */
    private record Meaning(String code, String message, boolean withArmDetails) {
    }

    private static final Map<String, Meaning> REASONS = Map.ofEntries(
            Map.entry("AzureQuotaExceeded", new Meaning(CloudErrorCodes.RESOURCE_QUOTA_EXCEEDED,
                    "The installation exceeded a quota of the subscription. Request a quota increase for the region, or use smaller "
                            + "or fewer virtual machines, then create the cluster again.", true)),
            Map.entry("AzureSkuNotAvailable", new Meaning(CloudErrorCodes.SKU_NOT_AVAILABLE,
                    "A virtual machine size of the cluster is not available in the region for the subscription. Choose another size "
                            + "or region, then create the cluster again.", true)),
            Map.entry("AzureAuthorizationFailed", new Meaning(CloudErrorCodes.INVALID_SERVICE_PRINCIPAL_PERMISSIONS,
                    "The cluster's service principal is not allowed to create the cluster's resources. Check its role assignments, "
                            + "then create the cluster again.", true)),
            Map.entry("AzureInvalidCredentials", new Meaning(CloudErrorCodes.INVALID_SERVICE_PRINCIPAL_CREDENTIALS,
                    "The cluster's service principal could not sign in. Check the client ID and secret, then create the cluster again.", false)),
            Map.entry("AzureRequestDisallowedByPolicy", new Meaning(CloudErrorCodes.DEPLOYMENT_FAILED,
                    "Deployment failed due to RequestDisallowedByPolicy. Please see details for more information.", true)),
            Map.entry("AzureInvalidTemplateDeployment", new Meaning(CloudErrorCodes.DEPLOYMENT_FAILED,
                    "Deployment failed. Please see details for more information.", true)),
            Map.entry("AzureZonalAllocationFailed", new Meaning(CloudErrorCodes.DEPLOYMENT_FAILED,
                    "Allocation failed. We do not have sufficient capacity for the requested VM size in this zone.", true)),
            Map.entry("AzureOSProvisioningTimedOut", new Meaning(CloudErrorCodes.DEPLOYMENT_FAILED,
                    "Deployment failed due to OSProvisioningTimedOut. The cluster's virtual machines failed to start up in time. "
                            + "Please check your network configuration.", true)),
            Map.entry("AzureKeyBasedAuthenticationNotPermitted", new Meaning(CloudErrorCodes.DEPLOYMENT_FAILED,
                    "Deployment failed with KeyBasedAuthenticationNotPermitted. Key based authentication has been disabled on the "
                            + "cluster's storage account, most likely by an Azure Policy modify effect; make sure no policy changes it.", false)));

    /** The generic failure (ARO's genericErr): nothing the customer can fix is known. */
    static final CloudErrorBody GENERIC = new CloudErrorBody(CloudErrorCodes.INTERNAL_SERVER_ERROR, "Deployment failed.", null, null);

    private HiveFailures() {
    }

    /**
     * The CloudError for a failed installation.
     *
     * @param reason the reason of Hive's failure condition
     * @param installLog the installer's log (ClusterProvision {@code spec.installLog}), or null
     */
    public static CloudErrorBody toCloudError(String reason, String installLog) {
        Meaning meaning = reason == null ? null : REASONS.get(reason);
        if (meaning == null) {
            return GENERIC;
        }
        List<CloudErrorBody> details = meaning.withArmDetails() ? armDetails(installLog) : List.of();
        return new CloudErrorBody(meaning.code(), meaning.message(), null, details.isEmpty() ? null : details);
    }

    /** The reasons this RP knows, which the regexes in deploy/hive produce. */
    public static List<String> knownReasons() {
        return REASONS.keySet().stream().sorted().toList();
    }

    /** ARM's error details in an install log: the details of the last ARM error object in it, or the error itself. */
    static List<CloudErrorBody> armDetails(String installLog) {
        if (installLog == null) {
            return List.of();
        }
        JsonNode last = null;
        Matcher matcher = ARM_ERROR.matcher(installLog);
        while (matcher.find()) {
            JsonNode error = readObjectAt(installLog, matcher.start());
            if (error != null) {
                last = error.has("error") ? error.get("error") : error;
            }
        }
        if (last == null) {
            return List.of();
        }
        List<CloudErrorBody> details = new ArrayList<>();
        JsonNode items = last.path("details").isArray() && !last.path("details").isEmpty() ? last.path("details") : JSON.createArrayNode().add(last);
        for (JsonNode item : items) {
            String code = item.path("code").asText("");
            String message = item.path("message").asText("");
            if (!code.isEmpty() || !message.isEmpty()) {
                details.add(new CloudErrorBody(code, message, item.hasNonNull("target") ? item.get("target").asText() : null, null));
            }
        }
        return details;
    }

    /** The JSON object that starts at {@code offset}, or null when none parses there (a log line may cut it). */
    private static JsonNode readObjectAt(String text, int offset) {
        try (JsonParser parser = JSON.getFactory().createParser(text.substring(offset))) {
            return JSON.readTree(parser);
        } catch (IOException e) {
            return null;
        }
    }
}
