package io.aro.rp.frontend;

import io.aro.rp.api.CloudErrorCodes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * ARO's body rules for PUT, PATCH and POST: a body must be JSON (415 otherwise) and at most 1 MiB
 * (400 {@code InvalidResource} otherwise, also for a chunked body that grows past it while read).
 */
@PreMatching
@Priority(200)
public final class RequestBodyFilter implements ContainerRequestFilter {
    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext context) {
        String method = context.getMethod();
        if (!method.equals("PUT") && !method.equals("PATCH") && !method.equals("POST")) {
            return;
        }
        if (context.getLength() > MAX_BODY_BYTES) {
            context.abortWith(tooLarge());
            return;
        }
        boolean hasBody = context.getLength() > 0 || context.getHeaderString("Transfer-Encoding") != null;
        MediaType type = context.getMediaType();
        if (hasBody && (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            context.abortWith(CloudErrorResponses.of(415, CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    String.format("The content media type '%s' is not supported. Only 'application/json' is supported.",
                            type == null ? "" : type.getType() + "/" + type.getSubtype())));
            return;
        }
        context.setEntityStream(new BoundedInputStream(context.getEntityStream()));
    }

    static jakarta.ws.rs.core.Response tooLarge() {
        return CloudErrorResponses.of(400, CloudErrorCodes.INVALID_RESOURCE, "The request content is larger than 1 MiB.");
    }

    /** Thrown while reading a body that turns out longer than {@link #MAX_BODY_BYTES}. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over " + MAX_BODY_BYTES + " bytes", null);
        }
    }

    private static final class BoundedInputStream extends FilterInputStream {
        private long read;

        BoundedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLargeException {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
        }
    }
}
