package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import io.aro.rp.config.HttpLimits;
import java.util.Set;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Note;

/**
 * Hands a request to a worker only once it arrived whole, so that a slow or stalled client holds a
 * connection and some bytes, never a thread: the body accumulates as it arrives (each arrival is a short
 * event), and Jersey later reads it from memory. On the way it refuses, before any body is read, what
 * the RP never serves: methods outside ARM's, protocol upgrades of requests with a body (one without is
 * answered in HTTP/1.1, the upgrade ignored), bodies over the limit, and a request that takes longer than
 * the request timeout to arrive.
 */
final class WholeRequestFilter extends BaseFilter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");
    private static final Note<Long> STARTED = HttpRequestPacket.createNote("aro.request.started");

    private final HttpLimits limits;

    WholeRequestFilter(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (!(ctx.getMessage() instanceof HttpContent message) || !(message.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        HttpContent content = message;
        Long started = request.getNote(STARTED);
        if (started == null) {
            if (request.isUpgrade() && !hasBody(request)) {
                // An upgrade a server may ignore (RFC 9110 7.8): the JDK's HTTP client asks for h2c on every plain first request.
                // Grizzly took what follows for the new protocol's bytes: the request ends here, and so does the connection.
                EdgeRefusals.ignoreUpgrade(request);
                request.setExpectContent(false);
                request.getProcessingState().setKeepAlive(false);
                content = HttpContent.builder(request).last(true).build();
                ctx.setMessage(content);
            }
            CloudError refusal = refusal(request, limits);
            if (refusal != null) {
                EdgeRefusals.send(ctx, request, refusal);
                return ctx.getStopAction();
            }
            started = System.nanoTime();
            request.setNote(STARTED, started);
        }
        if (content.isLast()) {
            request.removeNote(STARTED);
            return ctx.getInvokeAction();
        }
        if (content.getContent().remaining() > limits.maxBodySize()) {
            EdgeRefusals.send(ctx, request, tooLarge(limits));
            return ctx.getStopAction();
        }
        if (System.nanoTime() - started > limits.requestTimeout().toNanos()) {
            EdgeRefusals.send(ctx, request, EdgeRefusals.error(408, "RequestTimeout",
                    "The request did not arrive within " + limits.requestTimeout().toSeconds() + " seconds.", null));
            return ctx.getStopAction();
        }
        return ctx.getStopAction(content);
    }

    /** Why {@code request} is refused from its headers alone, or null. */
    static CloudError refusal(HttpRequestPacket request, HttpLimits limits) {
        if (!METHODS.contains(request.getMethodDC().toString())) {
            return EdgeRefusals.error(405, "MethodNotAllowed", "The request method is not allowed.", null);
        }
        if (request.isUpgrade() && hasBody(request)) {
            // Grizzly reads what follows an upgrade request as the new protocol's bytes, so its body could never be read.
            return EdgeRefusals.error(400, "InvalidParameter", "The RP speaks HTTP/1.1 only: a request with a body may not ask to upgrade the "
                    + "protocol.", "Upgrade");
        }
        if (request.getContentLength() > limits.maxBodySize()) {
            return tooLarge(limits);
        }
        return null;
    }

    private static boolean hasBody(HttpRequestPacket request) {
        return request.getContentLength() > 0 || request.isChunked();
    }

    private static CloudError tooLarge(HttpLimits limits) {
        return EdgeRefusals.error(400, "InvalidResource", "The request content is larger than " + size(limits.maxBodySize()) + ".", null);
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
