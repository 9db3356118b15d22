package io.aro.rp.frontend;

import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.SecureString;
import io.aro.rp.frontend.http.RequestIds;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the frontend knows about the request it serves: the ids ARM correlates it by, when it started,
 * its api-version, and the public URL that ARM received it at. Kept as a request property.
 */
public final class ArmRequest {
    static final String PROPERTY = ArmRequest.class.getName();
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";
    static final String CORRELATION_REQUEST_ID = "x-ms-correlation-request-id";
    static final String REQUEST_ID = "x-ms-request-id";
    static final String RETURN_CLIENT_REQUEST_ID = "x-ms-return-client-request-id";
    static final String SYSTEM_DATA = "x-ms-arm-resource-system-data";
    /** Where the RP gets the credentials of a resource's managed identity (ARM sends it for resources with one). */
    static final String IDENTITY_URL = "x-ms-identity-url";
    static final String HOME_TENANT_ID = "x-ms-home-tenant-id";

    private final String requestId = RequestIds.next();
    private final long startNanos = System.nanoTime();
    private final String method;
    private final String originalPath;
    private final String clientRequestId;
    private final String correlationRequestId;
    private final String systemData;
    private final SecureString identityUrl;
    private final String homeTenantId;
    private final URI publicBase;
    private String apiVersion;
    private String caller;
    private Span span = Span.getInvalid();

    private ArmRequest(ContainerRequestContext context, URI ownBase) {
        this.method = context.getMethod();
        this.originalPath = context.getUriInfo().getRequestUri().getRawPath();
        this.clientRequestId = context.getHeaderString(CLIENT_REQUEST_ID);
        this.correlationRequestId = context.getHeaderString(CORRELATION_REQUEST_ID);
        this.systemData = context.getHeaderString(SYSTEM_DATA);
        String identityUrl = context.getHeaderString(IDENTITY_URL);
        this.identityUrl = identityUrl == null || identityUrl.isEmpty() ? null : SecureString.of(identityUrl);
        this.homeTenantId = context.getHeaderString(HOME_TENANT_ID);
        this.publicBase = publicBase(context.getHeaderString("Referer"), ownBase);
    }

    /** @param ownBase the frontend's own scheme and authority, where no Referer names ARM's */
    static ArmRequest start(ContainerRequestContext context, URI ownBase) {
        ArmRequest request = new ArmRequest(context, ownBase);
        context.setProperty(PROPERTY, request);
        return request;
    }

    static ArmRequest of(ContainerRequestContext context) {
        return (ArmRequest) context.getProperty(PROPERTY);
    }

    /**
     * Scheme and authority of the public URL: from {@code Referer} (the URL ARM received the request at)
     * when ARM sends it, otherwise the frontend's own: never the request's Host header or absolute URI,
     * which a client chooses and would point the URLs it is handed elsewhere.
     */
    private static URI publicBase(String referer, URI ownBase) {
        if (referer != null) {
            try {
                URI uri = new URI(referer);
                if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                    return new URI(uri.getScheme(), uri.getRawAuthority(), null, null, null);
                }
            } catch (URISyntaxException e) {
                // An unparseable Referer is ignored: the request's own URL serves.
            }
        }
        return ownBase;
    }

    /** An absolute public URL for {@code path} (already encoded) with the request's api-version. */
    public String url(String path) {
        return url(path, apiVersion);
    }

    /** An absolute public URL for {@code path} (already encoded) with {@code apiVersion}. */
    public String url(String path, String apiVersion) {
        return publicBase + path + "?api-version=" + apiVersion;
    }

    public String requestId() {
        return requestId;
    }

    public String clientRequestId() {
        return clientRequestId;
    }

    public String correlationRequestId() {
        return correlationRequestId;
    }

    /** The ids a cluster operation this request starts carries into the backend. */
    public CorrelationData correlationData() {
        return new CorrelationData(correlationRequestId, clientRequestId, requestId);
    }

    public String systemData() {
        return systemData;
    }

    /** ARM's x-ms-identity-url, or null: a secret, never logged. */
    public SecureString identityUrl() {
        return identityUrl;
    }

    /** ARM's x-ms-home-tenant-id, or null. */
    public String homeTenantId() {
        return homeTenantId;
    }

    public String method() {
        return method;
    }

    public String originalPath() {
        return originalPath;
    }

    public long startNanos() {
        return startNanos;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The request's trace span, which the response filter ends. */
    Span span() {
        return span;
    }

    void span(Span span) {
        this.span = span;
    }

    void apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** Who called, as their client certificate names them (its subject), or null on the local plain listener. */
    public String caller() {
        return caller;
    }

    void caller(String caller) {
        this.caller = caller;
    }
}
