package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import io.aro.rp.config.HttpLimits;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * In front of Jersey: refuses a request whose target or Host Jersey could not turn into a URI (it
 * would fail with a 500) with a 400 CloudError naming what is wrong.
 */
final class EdgeHandler extends HttpHandler {
    /** RFC 3986 path characters (unreserved, sub-delims, ':', '@', '/') and percent-encoded octets. */
    private static final Pattern PATH = Pattern.compile("/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*");
    /** RFC 3986 query characters ('/' and '?' too) and percent-encoded octets. */
    private static final Pattern QUERY = Pattern.compile("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*");
    /** A host name, an IPv4 address or a bracketed IPv6 address, and an optional port. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    private final HttpHandler jersey;
    private final HttpLimits limits;

    EdgeHandler(HttpHandler jersey, HttpLimits limits) {
        this.jersey = jersey;
        this.limits = limits;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        CloudError refusal = refusal(request);
        if (refusal == null) {
            jersey.service(request, response);
            return;
        }
        response.getOutputStream().write(EdgeRefusals.prepare(response.getResponse(), refusal));
    }

    private CloudError refusal(Request request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if (path.length() + (query == null ? 0 : query.length() + 1) > limits.maxUrlLength()) {
            return EdgeRefusals.error(414, "RequestUriTooLong", "The request URL is longer than " + limits.maxUrlLength() + " characters.", null);
        }
        if (!PATH.matcher(path).matches()) {
            return EdgeRefusals.error(400, "InvalidResourceId", "The request path is not a valid URI path: it has a character that must be "
                    + "percent-encoded or a '%' that does not start an escape of two hexadecimal digits.", null);
        }
        if (query != null && !QUERY.matcher(query).matches()) {
            return EdgeRefusals.error(400, "InvalidParameter", "The query string is not valid: it has a character that must be "
                    + "percent-encoded or a '%' that does not start an escape of two hexadecimal digits.", null);
        }
        String host = request.getHeader("Host");
        if (host != null && !HOST.matcher(host).matches()) {
            return EdgeRefusals.error(400, "InvalidParameter", "The Host header is not a host name or address with an optional port.", "Host");
        }
        return null;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }
}
