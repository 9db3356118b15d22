package io.aro.rp.frontend.http;

import io.aro.rp.api.CloudError;
import io.aro.rp.config.HttpLimits;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * In front of Jersey: refuses a request whose target or Host Jersey could not turn into a URI (it
 * would fail with a 500) with a 400 CloudError naming what is wrong, and runs requests that write on
 * threads of their own ({@link HttpLimits#writeThreads()}).
 */
final class EdgeHandler extends HttpHandler {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** RFC 3986 path characters (unreserved, sub-delims, ':', '@', '/'); '%' starts an escape. */
    private static final boolean[] PATH = characters("-._~!$&'()*+,;=:@/");
    /** RFC 3986 query characters ('/' and '?' too). */
    private static final boolean[] QUERY = characters("-._~!$&'()*+,;=:@/?");
    /** A host name, an IPv4 address or a bracketed IPv6 address, and an optional port. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    private final HttpHandler jersey;
    private final HttpLimits limits;
    private final ExecutorService writes;
    private final RequestExecutorProvider executors;

    EdgeHandler(HttpHandler jersey, HttpLimits limits) {
        this.jersey = jersey;
        this.limits = limits;
        this.writes = GrizzlyExecutorService.createInstance(ThreadPoolConfig.defaultConfig().copy().setPoolName("frontend-write")
                .setCorePoolSize(limits.writeThreads()).setMaxPoolSize(limits.writeThreads()).setDaemon(true));
        RequestExecutorProvider workers = super.getRequestExecutorProvider();
        this.executors = request -> READS.contains(request.getMethod().getMethodString()) ? workers.getExecutor(request) : writes;
    }

    /** Reads stay on the worker thread that has the request; a write moves to a write thread, which may wait on the database. */
    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
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
        if (!path.startsWith("/") || !isUriText(path, PATH)) {
            return EdgeRefusals.error(400, "InvalidResourceId", "The request path is not a valid URI path: it has a character that must be "
                    + "percent-encoded or a '%' that does not start an escape of two hexadecimal digits.", null);
        }
        if (query != null && !isUriText(query, QUERY)) {
            return EdgeRefusals.error(400, "InvalidParameter", "The query string is not valid: it has a character that must be "
                    + "percent-encoded or a '%' that does not start an escape of two hexadecimal digits.", null);
        }
        String host = request.getHeader("Host");
        if (host != null && !HOST.matcher(host).matches()) {
            return EdgeRefusals.error(400, "InvalidParameter", "The Host header is not a host name or address with an optional port.", "Host");
        }
        return null;
    }

    /** Whether {@code text} has only {@code allowed} ASCII characters and percent-encoded octets (a loop: regexes were 3 % of a GET). */
    private static boolean isUriText(String text, boolean[] allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1)) || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= allowed.length || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits and {@code others}, as a table indexed by character. */
    private static boolean[] characters(String others) {
        boolean[] allowed = new boolean[128];
        for (char c = 0; c < 128; c++) {
            allowed[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || others.indexOf(c) >= 0;
        }
        return allowed;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
        writes.shutdownNow();
    }
}
