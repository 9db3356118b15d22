package io.aro.rp.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.message.internal.MessageBodyProviderNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes an ARM CloudError: bad input a 4xx naming what is wrong, anything unexpected a
 * 500 with a generic message and the request id (the stack trace goes to the log, never the body).
 */
final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);
    /** Jersey names the header in its message: {@code Unable to parse "Accept" header value: ...}. */
    private static final Pattern HEADER_NAME = Pattern.compile("^Unable to parse \"([A-Za-z0-9-]{1,64})\" header");

    private ExceptionMappers() {
    }

    /** A CloudError a handler aborted with. */
    static final class CloudErrors implements ExceptionMapper<CloudErrorException> {
        @Override
        public Response toResponse(CloudErrorException e) {
            return CloudErrorResponses.of(e.getCloudError());
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape. */
    static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String target = null;
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                target = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
            }
            String message = target == null
                    ? "The request content was invalid and could not be deserialized: the body is not valid JSON."
                    : "The request content was invalid and could not be deserialized: '" + target + "' has the wrong type.";
            return CloudErrorResponses.of(new CloudError(400, new CloudErrorBody(CloudErrorCodes.INVALID_REQUEST_CONTENT, message, target, null)));
        }
    }

    /** JAX-RS's own failures: no route, wrong method, wrong media type, a body that cannot be read. */
    static final class WebApplicationExceptions implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof NotFoundException) {
                return CloudErrorResponses.of(404, CloudErrorCodes.NOT_FOUND, "The requested path could not be found.");
            }
            if (e instanceof NotAllowedException) {
                return CloudErrorResponses.of(405, "MethodNotAllowed", "The request method is not allowed for this path.");
            }
            if (e instanceof NotSupportedException) {
                return CloudErrorResponses.of(415, CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                        "The content media type is not supported. Only 'application/json' is supported.");
            }
            if (e.getCause() instanceof JsonProcessingException json) {
                return new MalformedJson().toResponse(json);
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.internalServerError(e);
            }
            return CloudErrorResponses.of(status, status == 406 ? "NotAcceptable" : CloudErrorCodes.INVALID_REQUEST_CONTENT,
                    "The request could not be processed: " + Response.Status.fromStatusCode(status) + ".");
        }
    }

    /** A failure while reading the body (the reader wraps what the stream threw). */
    static final class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            if (e instanceof HeaderValueException header) {
                return malformedHeader(header);
            }
            if (e instanceof MessageBodyProviderNotFoundException) {
                return CloudErrorResponses.of(415, CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                        "The content media type is not supported. Only 'application/json' is supported.");
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonProcessingException json) {
                    return new MalformedJson().toResponse(json);
                }
            }
            return Unexpected.internalServerError(e);
        }
    }

    /**
     * A header Jersey could not parse. Only the header's name goes back: its value is the client's, possibly hostile.
     * A Content-Type that is not a media type is an unsupported one.
     */
    static Response malformedHeader(HeaderValueException e) {
        Matcher name = HEADER_NAME.matcher(String.valueOf(e.getMessage()));
        String header = name.find() ? name.group(1) : null;
        if ("Content-Type".equalsIgnoreCase(header)) {
            return CloudErrorResponses.of(415, CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "The content media type is not supported. Only 'application/json' is supported.");
        }
        return CloudErrorResponses.of(new CloudError(400, new CloudErrorBody(CloudErrorCodes.INVALID_PARAMETER,
                header == null ? "A request header is malformed." : "The header '" + header + "' is malformed.", header, null)));
    }

    /** Azure or Kubernetes throttled or failed a call the request made synchronously (the admin API's): worth retrying, not a fault. */
    static final class Transient implements ExceptionMapper<io.aro.rp.cloud.TransientCloudException> {
        @Override
        public Response toResponse(io.aro.rp.cloud.TransientCloudException e) {
            org.slf4j.LoggerFactory.getLogger(ExceptionMappers.class).atWarn().log("a cloud call failed for now: {}", e.getMessage());
            return CloudErrorResponses.of(503, "ServiceUnavailable", "A call to Azure failed for now; try again later.");
        }
    }

    /** Anything else is the RP's fault. */
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return internalServerError(e);
        }

        static Response internalServerError(Throwable e) {
            String requestId = org.slf4j.MDC.get("requestId");
            LOG.error("unexpected failure", e);
            return CloudErrorResponses.of(500, CloudErrorCodes.INTERNAL_SERVER_ERROR,
                    "Internal server error." + (requestId == null ? "" : " Request ID: " + requestId + "."));
        }
    }
}
