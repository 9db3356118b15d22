package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Grizzly answers when a handler fails outside Jersey's exception mappers: a CloudError, never
 * its HTML page with a stack trace and its version. A failure is a bug, so it is logged once with its
 * stack trace and the request id the client gets.
 */
final class CloudErrorPages implements ErrorPageGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(CloudErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String requestId = RequestIds.next();
        CloudError error = status >= 500
                ? EdgeRefusals.error(500, "InternalServerError", "Internal server error. Request ID: " + requestId + ".", null)
                : EdgeRefusals.error(status, "BadRequest", "The request could not be processed.", null);
        if (exception != null) {
            LOG.atError().setCause(exception).addKeyValue("requestId", requestId).log("unexpected failure outside Jersey");
        }
        request.getResponse().setContentType("application/json");
        request.getResponse().setHeader("x-ms-request-id", requestId);
        EdgeRefusals.log(request.getMethod().getMethodString(), request.getRequestURI(), error, requestId);
        return new String(EdgeRefusals.json(error), StandardCharsets.UTF_8);
    }
}
