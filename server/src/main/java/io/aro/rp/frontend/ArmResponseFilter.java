package io.aro.rp.frontend;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The last step of every response: ARM's headers ({@code x-ms-request-id}, the echoed
 * {@code x-ms-client-request-id}, JSON content type), one structured access log line with the route,
 * status, latency and correlation ids, the {@code aro.frontend.requests} metric, and for an admin call
 * one audit record (who by their certificate's subject, what, which cluster, the result).
 */
@Priority(100)
public final class ArmResponseFilter implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger("io.aro.rp.frontend.access");
    /** The audit stream: every admin call, on its own appender (LogConfiguration). */
    private static final Logger AUDIT = LoggerFactory.getLogger("io.aro.rp.audit");
    private static final Pattern CLUSTER = Pattern.compile("(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/[^/]+/[^/?]+)",
            Pattern.CASE_INSENSITIVE);

    private final MeterRegistry metrics;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ArmResponseFilter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        ArmRequest request = ArmRequest.of(requestContext);
        if (request == null) {
            return;
        }
        response.getHeaders().putSingle(ArmRequest.REQUEST_ID, request.requestId());
        if ("true".equalsIgnoreCase(requestContext.getHeaderString(ArmRequest.RETURN_CLIENT_REQUEST_ID)) && request.clientRequestId() != null) {
            response.getHeaders().putSingle(ArmRequest.CLIENT_REQUEST_ID, request.clientRequestId());
        }
        if (response.getStatus() >= 400 && !response.hasEntity() && !"HEAD".equals(request.method())) {
            // Jersey answers some inputs it cannot parse (an Accept header that is not a media type) with a bare status.
            response.setEntity(bareStatus(response.getStatus(), request.requestId()));
        }
        if (response.hasEntity() && response.getMediaType() == null) {
            response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
        }
        long nanos = System.nanoTime() - request.startNanos();
        // the request's own UriInfo: an injected one is a proxy that looks the request up on every call
        String route = route(((ContainerRequest) requestContext).getUriInfo());
        Span span = request.span();
        span.updateName(request.method() + " " + route);
        span.setAttribute("http.route", route);
        span.setAttribute("http.response.status_code", response.getStatus());
        if (request.apiVersion() != null) {
            span.setAttribute("aro.api_version", request.apiVersion());
        }
        if (response.getStatus() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        String apiVersion = request.apiVersion() == null ? "" : request.apiVersion();
        String statusClass = response.getStatus() / 100 + "xx";
        // One timer per combination, found again by a map lookup: building and registering one per request costs more than the request.
        timers.computeIfAbsent(request.method() + ' ' + route + ' ' + statusClass + ' ' + apiVersion, key -> Timer.builder("aro.frontend.requests")
                .description("Requests the frontend served, by route template, method, api-version and status class")
                .tag("method", request.method()).tag("route", route).tag("statusClass", statusClass).tag("apiVersion", apiVersion)
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30))
                .register(metrics)).record(nanos, TimeUnit.NANOSECONDS);
        LOG.atInfo().addKeyValue("method", request.method()).addKeyValue("path", request.originalPath()).addKeyValue("route", route)
                .addKeyValue("apiVersion", request.apiVersion()).addKeyValue("status", response.getStatus())
                .addKeyValue("latencyMs", TimeUnit.NANOSECONDS.toMillis(nanos))
                .log("request served");
        if (isAdmin(request.originalPath())) {
            AUDIT.atInfo().addKeyValue("caller", request.caller()).addKeyValue("method", request.method()).addKeyValue("path", request.originalPath())
                    .addKeyValue("route", route).addKeyValue("cluster", cluster(request.originalPath())).addKeyValue("status", response.getStatus())
                    .log("admin call");
        }
        MDC.clear();
    }

    private static CloudError bareStatus(int status, String requestId) {
        String code = switch (status) {
            case 404 -> CloudErrorCodes.NOT_FOUND;
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 415 -> CloudErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CloudErrorCodes.INTERNAL_SERVER_ERROR : CloudErrorCodes.INVALID_PARAMETER;
        };
        String message = status >= 500 ? "Internal server error. Request ID: " + requestId + "."
                : "The request could not be processed: " + Objects.requireNonNullElse(Response.Status.fromStatusCode(status), status) + ".";
        return new CloudError(status, new CloudErrorBody(code, message, null, null));
    }

    private static boolean isAdmin(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start > 0 && path.regionMatches(true, start, "admin", 0, 5) && (path.length() == start + 5 || path.charAt(start + 5) == '/');
    }

    /** The resource ID of the cluster an admin call is about, or null. */
    private static String cluster(String path) {
        Matcher cluster = CLUSTER.matcher(path);
        return cluster.find() ? cluster.group(1) : null;
    }

    /** The matched route template (for example {@code /subscriptions/{subscriptionId}/...}), or "unmatched". */
    private static String route(ExtendedUriInfo uriInfo) {
        List<UriTemplate> matched = uriInfo.getMatchedTemplates();
        if (matched.isEmpty()) {
            return "unmatched";
        }
        StringBuilder route = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) { // innermost first
            route.append(matched.get(i).getTemplate());
        }
        // The generated resources are rooted at /api/<version>: the route is the same in every version.
        if (route.indexOf("/api/") == 0) {
            int versionEnd = route.indexOf("/", 5);
            return versionEnd < 0 ? "" : route.substring(versionEnd);
        }
        return route.toString();
    }
}
