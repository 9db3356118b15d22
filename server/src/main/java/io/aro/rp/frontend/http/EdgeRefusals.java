package io.aro.rp.frontend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.external.ExternalJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests refused before Jersey sees them (not HTTP/1.1, over a limit, an upgrade): a CloudError like
 * every other answer, a request id, a line in the access log, and the connection closed, since what
 * follows on it cannot be trusted to be the next request.
 */
final class EdgeRefusals {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.aro.rp.frontend.access");
    /** How much of a refused request's target goes to the log: it is the client's and may be huge. */
    private static final int LOGGED_TARGET = 512;
    /** How long a refused request's connection keeps reading what the client still sends, before it is closed. */
    static final Duration LINGER = Duration.ofSeconds(2);
    private static final Attribute<Long> LINGERING_UNTIL = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute("aro.lingeringUntil");

    private EdgeRefusals() {
    }

    static CloudError error(int status, String code, String message, String target) {
        return new CloudError(status, new CloudErrorBody(code, message, target, null));
    }

    /**
     * Answers {@code request} with {@code error} from inside the filter chain and closes the connection once it is
     * written; while the client may still be sending the body ({@code bodyPending}) the connection is left open for
     * {@link #LINGER}, its input discarded ({@link #discarding}), because closing a socket with unread input resets it
     * and the client loses the answer.
     */
    static void send(FilterChainContext ctx, HttpRequestPacket request, CloudError error, boolean bodyPending) {
        HttpResponsePacket response = request.getResponse() != null ? request.getResponse() : HttpResponsePacket.builder(request).build();
        ignoreUpgrade(request);
        byte[] body = prepare(response, error);
        response.setHeader("Connection", "close");
        response.getProcessingState().setKeepAlive(false);
        Connection<?> connection = ctx.getConnection();
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build(),
                new EmptyCompletionHandler<WriteResult>() {
                    @Override
                    public void completed(WriteResult result) {
                        if (bodyPending) {
                            LINGERING_UNTIL.set(connection, System.nanoTime() + LINGER.toNanos());
                        } else {
                            connection.closeSilently();
                        }
                    }

                    @Override
                    public void failed(Throwable throwable) {
                        connection.closeSilently();
                    }
                });
    }

    /**
     * Whether {@code connection} was answered with a refusal and its input is being discarded: true until the
     * linger ends, when it is closed (the idle timeout closes one whose client falls silent).
     */
    static boolean discarding(Connection<?> connection) {
        Long until = LINGERING_UNTIL.get(connection);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until > 0) {
            connection.closeSilently();
        }
        return true;
    }

    /**
     * Makes {@code response} the CloudError's answer (status, JSON content type and length, a new request id)
     * and logs the refusal; returns the body to write.
     */
    static byte[] prepare(HttpResponsePacket response, CloudError error) {
        String requestId = RequestIds.next();
        byte[] body = json(error);
        response.setStatus(error.getStatusCode());
        response.setReasonPhrase(HttpStatus.getHttpStatus(error.getStatusCode()).getReasonPhrase());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.setHeader("x-ms-request-id", requestId);
        HttpRequestPacket request = response.getRequest();
        log(request == null ? null : request.getMethodDC().toString(), request == null ? null : request.getRequestURI(), error, requestId);
        return body;
    }

    /** Answers {@code request} as a plain HTTP/1.1 request: without this the encoder would treat the response as the switch of protocol. */
    static void ignoreUpgrade(HttpRequestPacket request) {
        request.getUpgradeDC().recycle();
        request.setIgnoreContentModifiers(false);
        if (request.getResponse() != null) {
            request.getResponse().setIgnoreContentModifiers(false);
        }
    }

    static byte[] json(CloudError error) {
        try {
            return ExternalJson.MAPPER.writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CloudError always serializes", e);
        }
    }

    static void log(String method, String target, CloudError error, String requestId) {
        String logged = target == null ? null : target.length() > LOGGED_TARGET ? target.substring(0, LOGGED_TARGET) + "…" : target;
        ACCESS.atInfo().addKeyValue("requestId", requestId).addKeyValue("method", method).addKeyValue("path", logged)
                .addKeyValue("route", "refused").addKeyValue("status", error.getStatusCode()).addKeyValue("code", error.getError().getCode())
                .log("request refused");
    }
}
