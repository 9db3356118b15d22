package io.aro.rp.cloud.azure;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.cloud.TransientCloudException;
import java.io.IOException;

/** What an ARM failure means for a step: gone, transient, or an error the user gets. */
final class ArmErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmErrors() {
    }

    static int status(ManagementException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    static boolean isNotFound(ManagementException e) {
        return status(e) == 404;
    }

    /**
     * Throttling and server errors that outlasted the SDK's retries are transient; anything else ARM
     * refused is reported to the user with ARM's own code and message (a failed deployment's first
     * detail is the useful one).
     */
    static RuntimeException translate(ManagementException e, String what) {
        int status = status(e);
        if (status == 429 || status >= 500) {
            return new TransientCloudException(what + " failed with " + status, e);
        }
        ManagementError error = e.getValue();
        if (error != null && error.getDetails() != null && !error.getDetails().isEmpty()) {
            error = error.getDetails().get(0);
        }
        String code = error == null || error.getCode() == null ? "DeploymentFailed" : error.getCode();
        String message = error == null || error.getMessage() == null ? what + " failed." : error.getMessage();
        return failure(code, what + " failed: " + message, null);
    }

    /**
     * A long-running operation that ended {@code status} (Failed, Canceled), from the body of its last
     * poll ({@code {"status": "Failed", "error": {...}}}): ARM's code and message, the first detail's when
     * there are details, as a failed deployment's are.
     */
    static RuntimeException operationFailed(String pollBody, String what, String status) {
        JsonNode error = MissingNode.getInstance();
        try {
            if (pollBody != null) {
                error = JSON.readTree(pollBody).path("error");
            }
        } catch (IOException e) {
            // not JSON: reported without ARM's words
        }
        if (error.path("details").path(0).isObject()) {
            error = error.path("details").path(0);
        }
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        return failure(code.isEmpty() ? "DeploymentFailed" : code, what + " failed: " + (message.isEmpty() ? "the operation ended " + status + "." : message),
                null);
    }

    static CloudErrorException failure(String code, String message, String target) {
        return new CloudError(400, new CloudErrorBody(code, message, target, null)).toException();
    }
}
