package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import io.aro.rp.config.HttpLimits;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 parser, answering what it cannot parse (a broken request line or header, headers
 * over the limit, another protocol version) with a 400 CloudError instead of an empty 400 or 505.
 */
final class CloudErrorCodec extends HttpServerFilter {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpLimits limits;

    CloudErrorCodec(NetworkListener listener, HttpLimits limits) {
        super(listener.isChunkingEnabled(), limits.maxHeaderSize(), null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        this.limits = limits;
    }

    /**
     * Answers {@code Expect: 100-continue} as soon as the headers are in, unless they already say the request will be
     * refused: Grizzly would send it only when a handler starts reading, and no handler runs before the whole body is here.
     */
    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
        boolean result = super.onHttpHeaderParsed(header, buffer, ctx);
        if (header instanceof HttpRequestPacket request && request.requiresAcknowledgement() && request.getResponse() != null
                && WholeRequestFilter.refusal(request, limits) == null) {
            ctx.write(Buffers.wrap(ctx.getMemoryManager(), CONTINUE));
            request.getResponse().acknowledged();
        }
        return result;
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        CloudError error = EdgeRefusals.error(400, "BadRequest", "The request is not a valid HTTP/1.1 request: its request line or a header is "
                + "malformed, or they are longer than " + limits.maxHeaderSize() + " bytes together.", null);
        byte[] body = EdgeRefusals.prepare(response, error);
        return HttpContent.builder(response).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body)).last(true).build();
    }
}
