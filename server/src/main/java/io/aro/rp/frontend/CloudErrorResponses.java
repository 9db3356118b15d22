package io.aro.rp.frontend;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** CloudErrors as HTTP responses. */
final class CloudErrorResponses {
    private CloudErrorResponses() {
    }

    static Response of(CloudError error) {
        return Response.status(error.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    static Response of(int status, String code, String message) {
        return of(new CloudError(status, new CloudErrorBody(code, message, null, null)));
    }
}
