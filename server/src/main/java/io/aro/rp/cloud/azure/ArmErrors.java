package io.aro.rp.cloud.azure;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.json.JsonProviders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.cloud.TransientCloudException;
import java.io.IOException;
import java.util.function.Supplier;

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
     * refused is reported to the user with ARM's own code and message.
     */
    static RuntimeException translate(ManagementException e, String what) {
        int status = status(e);
        if (status == 429 || status >= 500) {
            return new TransientCloudException(what + " failed with " + status, e);
        }
        return fromArm(e.getValue(), what, what + " failed.");
    }

    /**
     * A long-running operation that ended {@code status} (Failed, Canceled), from the body of its last
     * poll: {@code {"status": "Failed", "error": {...}}}.
     */
    static RuntimeException operationFailed(String pollBody, String what, String status) {
        return fromArm(errorOf(pollBody), what, "the operation ended " + status + ".");
    }

    /** The result of an ARM call, with its failure translated. */
    static <T> T translated(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (ManagementException e) {
            throw translate(e, what);
        }
    }

    /** The result of an ARM call, or null when what it reads or deletes is not there (404). */
    static <T> T absentAsNull(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (ManagementException e) {
            if (isNotFound(e)) {
                return null;
            }
            throw translate(e, what);
        }
    }

    /** ARM's code and message for the user; a failed deployment's first detail is the useful one. */
    private static CloudErrorException fromArm(ManagementError error, String what, String whenSilent) {
        if (error != null && error.getDetails() != null && !error.getDetails().isEmpty()) {
            error = error.getDetails().get(0);
        }
        String code = error == null || error.getCode() == null || error.getCode().isEmpty() ? "DeploymentFailed" : error.getCode();
        String message = error == null || error.getMessage() == null || error.getMessage().isEmpty() ? whenSilent : error.getMessage();
        return failure(code, what + " failed: " + message, null);
    }

    private static ManagementError errorOf(String pollBody) {
        if (pollBody == null) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(pollBody).path("error");
            return error.isObject() ? ManagementError.fromJson(JsonProviders.createReader(error.toString())) : null;
        } catch (IOException e) {
            return null; // not JSON: reported without ARM's words
        }
    }

    static CloudErrorException failure(String code, String message, String target) {
        return new CloudError(400, new CloudErrorBody(code, message, target, null)).toException();
    }
}
