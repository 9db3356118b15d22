package io.aro.rp.frontend;

import io.aro.rp.api.CloudErrorCodes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;

/**
 * ARO's body rule for PUT, PATCH and POST: a body must be JSON (415 otherwise). Its size was checked
 * before it reached Jersey ({@link io.aro.rp.frontend.http.HttpEdge}).
 */
@PreMatching
@Priority(200)
public final class RequestBodyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) {
        String method = context.getMethod();
        if (!method.equals("PUT") && !method.equals("PATCH") && !method.equals("POST")) {
            return;
        }
        boolean hasBody = context.getLength() > 0 || context.getHeaderString("Transfer-Encoding") != null;
        MediaType type = context.getMediaType();
        if (hasBody && (type == null || !type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json"))) {
            // Exactly application/json: isCompatible would let */* through, which no reader takes.
            context.abortWith(CloudErrorResponses.of(415, CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    String.format("The content media type '%s' is not supported. Only 'application/json' is supported.",
                            type == null ? "" : type.getType() + "/" + type.getSubtype())));
        }
    }
}
