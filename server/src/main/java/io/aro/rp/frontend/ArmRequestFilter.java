package io.aro.rp.frontend;

import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.management.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import org.slf4j.MDC;

/**
 * The first step of every request, before route matching: gives it a request id and the correlation ids
 * for logs, checks that its caller may call it ({@link CallerAuthentication}), checks and canonicalises
 * its path ({@link ArmPath}), checks its api-version, and routes it
 * to the resource classes of that version by prefixing the path with {@code /api/<api-version>}, since
 * every version's generated interface has the same paths.
 */
@PreMatching
@Priority(100)
public final class ArmRequestFilter implements ContainerRequestFilter {
    static final String SUBSCRIPTION_API_VERSION = "2.0";
    static final String ADMIN_API_VERSION = "admin";
    /** Reads W3C trace context (traceparent) from the request's headers, so that a caller's trace continues here. */
    private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext carrier) {
            return carrier.getHeaders().keySet();
        }

        @Override
        public String get(ContainerRequestContext carrier, String key) {
            return carrier == null ? null : carrier.getHeaderString(key);
        }
    };

    private final String location;
    private final CallerAuthentication authentication;
    private final Tracing tracing;
    private volatile URI ownBase = URI.create("http://127.0.0.1");

    public ArmRequestFilter(String location, CallerAuthentication authentication, Tracing tracing) {
        this.location = location;
        this.authentication = authentication;
        this.tracing = tracing;
    }

    /** Where the frontend listens, once it does (with its real port): the base of the URLs it hands out without ARM's Referer. */
    void listening(URI uri) {
        ownBase = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    @Override
    public void filter(ContainerRequestContext context) {
        ArmRequest request = ArmRequest.start(context, ownBase);
        MDC.put("requestId", request.requestId());
        if (request.correlationRequestId() != null) {
            MDC.put("correlationRequestId", request.correlationRequestId());
        }
        if (request.clientRequestId() != null) {
            MDC.put("clientRequestId", request.clientRequestId());
        }
        request.span(span(context, request));
        try {
            authentication.check(context, request);
            route(context, request);
        } catch (CloudErrorException e) {
            context.abortWith(CloudErrorResponses.of(e.getCloudError()));
        }
    }

    /** A server span named after the method until the route is known; ARM's correlation ids as attributes. */
    private Span span(ContainerRequestContext context, ArmRequest request) {
        Context parent = tracing.propagators().getTextMapPropagator().extract(Context.root(), context, HEADERS);
        SpanBuilder span = tracing.tracer().spanBuilder(request.method()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.method()).setAttribute("url.path", request.originalPath())
                .setAttribute(Tracing.REQUEST_ID, request.requestId());
        if (request.correlationRequestId() != null) {
            span.setAttribute(Tracing.CORRELATION_REQUEST_ID, request.correlationRequestId());
        }
        if (request.clientRequestId() != null) {
            span.setAttribute(Tracing.CLIENT_REQUEST_ID, request.clientRequestId());
        }
        return span.startSpan();
    }

    private void route(ContainerRequestContext context, ArmRequest request) {
        URI uri = context.getUriInfo().getRequestUri();
        ArmPath path = ArmPath.parse(uri.getRawPath(), location);
        String apiVersion = context.getUriInfo().getQueryParameters().getFirst("api-version");
        request.apiVersion(apiVersion);
        String canonical = path.canonical();
        if (canonical.regionMatches(true, 0, "/api", 0, 4) && (canonical.length() == 4 || canonical.charAt(4) == '/')) {
            // The generated resources' root, which only this filter routes to: from outside it would skip the checks above.
            throw new NotFoundException();
        }
        String target = switch (path.kind()) {
            case HEALTH, OTHER -> path.canonical();
            case SUBSCRIPTION -> {
                requireApiVersion(apiVersion);
                if (!SUBSCRIPTION_API_VERSION.equals(apiVersion)) {
                    throw invalidApiVersion(apiVersion, SUBSCRIPTION_API_VERSION);
                }
                yield path.canonical();
            }
            case OPERATIONS -> {
                requireApiVersion(apiVersion);
                if (ApiVersions.get(apiVersion).isEmpty()) {
                    throw invalidApiVersion(apiVersion, ApiVersions.names());
                }
                yield "/api/" + apiVersion + path.canonical();
            }
            case API -> {
                requireApiVersion(apiVersion);
                if (ApiVersions.get(apiVersion).isEmpty()) {
                    throw invalidApiVersion(apiVersion, ApiVersions.names());
                }
                yield "/api/" + apiVersion + path.canonical();
            }
            case ADMIN -> {
                requireApiVersion(apiVersion);
                if (!ADMIN_API_VERSION.equals(apiVersion)) {
                    throw invalidApiVersion(apiVersion, ADMIN_API_VERSION);
                }
                yield path.canonical();
            }
        };
        if (!target.equals(uri.getRawPath())) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            context.setRequestUri(context.getUriInfo().getBaseUri(), URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + target + query));
        }
    }

    private static void requireApiVersion(String apiVersion) {
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw io.aro.rp.api.validate.ValidationErrors.badRequest(CloudErrorCodes.MISSING_API_VERSION_PARAMETER, "",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
    }

    private static CloudErrorException invalidApiVersion(String apiVersion, String supported) {
        return io.aro.rp.api.validate.ValidationErrors.badRequest(CloudErrorCodes.INVALID_API_VERSION_PARAMETER, "",
                "The api-version '%s' is invalid. The supported versions are '%s'.", apiVersion, supported);
    }
}
