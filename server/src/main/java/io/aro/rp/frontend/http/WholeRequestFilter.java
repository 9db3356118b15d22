package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import io.aro.rp.config.HttpLimits;
import java.util.Set;
import org.glassfish.grizzly.Buffer;
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
 * the RP never serves: methods outside ARM's, protocol upgrades with a chunked body (any other is answered
 * in HTTP/1.1, the upgrade ignored), bodies over the limit, and a request that takes longer than the
 * request timeout to arrive.
 */
final class WholeRequestFilter extends BaseFilter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");
    private static final Note<Long> STARTED = HttpRequestPacket.createNote("aro.request.started");
    /** The length of the body of an upgrade request that is answered in HTTP/1.1. */
    private static final Note<Long> UPGRADE_BODY = HttpRequestPacket.createNote("aro.request.upgradeBody");

    private final HttpLimits limits;

    WholeRequestFilter(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (EdgeRefusals.discarding(ctx.getConnection())) {
            return ctx.getStopAction();
        }
        if (!(ctx.getMessage() instanceof HttpContent message) || !(message.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        HttpContent content = message;
        Long started = request.getNote(STARTED);
        if (started == null) {
            CloudError refusal = refusal(request, limits);
            if (refusal != null) {
                EdgeRefusals.send(ctx, request, refusal, !content.isLast());
                return ctx.getStopAction();
            }
            if (request.isUpgrade()) {
                // An upgrade a server may ignore (RFC 9110 7.8), as it is here: the JDK's HTTP client asks every plain-HTTP
                // server for h2c, with or without a body. Grizzly passes what follows the headers on as the new protocol's
                // bytes: the body is the first Content-Length of them, and the connection ends with the answer.
                EdgeRefusals.ignoreUpgrade(request);
                request.getProcessingState().setKeepAlive(false);
                request.setNote(UPGRADE_BODY, Math.max(0L, request.getContentLength()));
            }
            started = System.nanoTime();
            request.setNote(STARTED, started);
        }
        Long upgradeBody = request.getNote(UPGRADE_BODY);
        if (upgradeBody != null && content.getContent().remaining() >= upgradeBody) {
            Buffer body = content.getContent();
            body.limit(body.position() + Math.toIntExact(upgradeBody));
            content = HttpContent.builder(request).content(body).last(true).build();
            request.setExpectContent(false);
            ctx.setMessage(content);
        }
        if (content.isLast()) {
            request.removeNote(STARTED);
            request.removeNote(UPGRADE_BODY);
            return ctx.getInvokeAction();
        }
        if (content.getContent().remaining() > limits.maxBodySize()) {
            EdgeRefusals.send(ctx, request, tooLarge(limits), true);
            return ctx.getStopAction();
        }
        if (System.nanoTime() - started > limits.requestTimeout().toNanos()) {
            EdgeRefusals.send(ctx, request, EdgeRefusals.error(408, "RequestTimeout",
                    "The request did not arrive within " + limits.requestTimeout().toSeconds() + " seconds.", null), true);
            return ctx.getStopAction();
        }
        return ctx.getStopAction(content);
    }

    /** Why {@code request} is refused from its headers alone, or null. */
    static CloudError refusal(HttpRequestPacket request, HttpLimits limits) {
        if (!METHODS.contains(request.getMethodDC().toString())) {
            return EdgeRefusals.error(405, "MethodNotAllowed", "The request method is not allowed.", null);
        }
        if (request.isUpgrade() && request.isChunked()) {
            // Grizzly passes what follows an upgrade request on undecoded: a chunked body could not be told from what follows it.
            return EdgeRefusals.error(400, "InvalidParameter", "The RP speaks HTTP/1.1 only: a request with a chunked body may not ask to "
                    + "upgrade the protocol.", "Upgrade");
        }
        if (request.getContentLength() > limits.maxBodySize()) {
            return tooLarge(limits);
        }
        return null;
    }

    private static CloudError tooLarge(HttpLimits limits) {
        return EdgeRefusals.error(400, "InvalidResource", "The request content is larger than " + size(limits.maxBodySize()) + ".", null);
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
