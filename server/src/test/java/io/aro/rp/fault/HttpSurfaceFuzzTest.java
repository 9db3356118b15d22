package io.aro.rp.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.config.HttpLimits;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.RawHttp;
import io.aro.rp.testing.RawHttp.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated requests over raw sockets, every one malformed, hostile or at an edge: broken and
 * deep JSON, bodies over the limit, wrong types, control characters, CIDR edges, bad percent-encodings,
 * hostile names and skip tokens, odd methods, headers and framing. Whatever arrives, the answer is a 4xx
 * (or 2xx) CloudError-shaped JSON, never a 5xx, an HTML page or a stack trace, and it comes within the
 * idle timeout (a request that never completes is closed instead). The seed is printed: {@code -Daro.fault.seed=}
 * replays a run.
 */
class HttpSurfaceFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpLimits LIMITS = new HttpLimits(16 * 1024, 4096, 1024 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(3), 8, 8);
    /** An answer, or the connection closed, must come within this; otherwise the request hangs. */
    private static final Duration HANG = LIMITS.requestTimeout().plusSeconds(3);
    private static final String V = "?api-version=2023-11-22";
    private static final List<String> METHODS = List.of("GET", "PUT", "PATCH", "DELETE", "POST", "HEAD", "OPTIONS", "TRACE", "CONNECT", "BREW",
            "get", "PROPFIND", "M-SEARCH");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "", "garbage", ";;;",
            "application/json;charset=", "application/json, text/plain", "text/plain", "application/xml", "application/json\u0000",
            "application/merge-patch+json", "multipart/form-data; boundary=x", "*/*");
    private static final List<String> HOSTILE_SEGMENTS = List.of("%", "%zz", "%2", "%u0041", "{x}", "%00", "..", "%2e%2e", "a%2Fb", "名前",
            "x".repeat(300), "%E0%A4%A", "-", "_", "a.", "CON", "%20", "a;b", "a=b", "%ff%fe", "'", "\"", "<script>", "a|b", "a\\b");
    private static final List<String> CIDRS = List.of("0.0.0.0/0", "255.255.255.255/32", "10.0.0.0/33", "10.0.0.0/-1", "::/0", "fe80::/10",
            "10.128.0.1/14", "10.128.0.0/14\u0000", "127.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4", "169.254.0.0/16", "0.0.0.0/8", "10.0.0.0/8",
            "100.64.0.0/10", "10.128.0.0/14 ", " 10.128.0.0/14", "10.128.0.0", "/14", "1.2.3/24", "01.02.03.04/18", "10.128.0.0/014",
            "300.1.1.1/18", "", "10.128.0.0/14,10.0.0.0/16");

    @TempDir
    Path dir;

    @Test
    void noGeneratedRequestGetsA5xxAnHtmlPageAStackTraceOrNoAnswer() throws Exception {
        FaultScale scale = FaultScale.current();
        long seed = FaultScale.seed();
        System.out.println("HttpSurfaceFuzzTest seed " + seed + " (-Daro.fault.seed=" + seed + " replays it), " + scale.fuzzCases() + " cases");
        try (FrontendHarness rp = new FrontendHarness(dir, 1, LIMITS)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            ObjectNode create = FrontendHarness.createRequest("2023-11-22", sub);
            for (int i = 0; i < 2; i++) {
                assertEquals(201, rp.http.put(FrontendHarness.cluster(sub, "rg", "seed-" + i) + V, FrontendHarness.createRequest("2023-11-22", sub))
                        .status());
            }
            String nextLink = rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V)
                    .json().path("nextLink").asText();
            String skipToken = nextLink.substring(nextLink.indexOf("%24skipToken=") + "%24skipToken=".length());
            Random random = new Random(seed);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < scale.fuzzCases(); i++) {
                cases.add(new Generator(random, sub, create, skipToken).next(i));
            }

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long[] counts = new long[4]; // 5xx, html or stack trace, hangs, unanswered
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Exchange>> exchanges = new ArrayList<>();
                for (Case c : cases) {
                    exchanges.add(pool.submit(() -> RawHttp.exchange(rp.uri(), c.bytes(), HANG)));
                }
                Iterator<Case> each = cases.iterator();
                for (Future<Exchange> future : exchanges) {
                    Case c = each.next();
                    Exchange exchange = future.get();
                    String problem = problem(c, exchange);
                    if (problem != null) {
                        synchronized (counts) {
                            counts[problem.startsWith("5xx") ? 0 : problem.startsWith("hang") ? 2 : problem.startsWith("no answer") ? 3 : 1]++;
                        }
                        failures.add(problem + " for case " + c.index() + " (" + c.description() + "): " + abbreviate(exchange.response()));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            FaultFigures.add("fuzzCases", cases.size());
            FaultFigures.add("fuzz5xx", counts[0]);
            FaultFigures.add("fuzzHtmlOrStackTrace", counts[1]);
            FaultFigures.add("fuzzHangs", counts[2]);
            FaultFigures.add("fuzzUnanswered", counts[3]);
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed (seed " + seed + "):\n"
                    + String.join("\n", failures.stream().limit(20).toList()));
        }
    }

    /** What is wrong with the exchange, or null. */
    private static String problem(Case c, Exchange exchange) {
        int status = exchange.status();
        if (status == 0) {
            if (!exchange.closed()) {
                return "hang: neither an answer nor a closed connection after " + HANG;
            }
            return c.mayGoUnanswered() ? null : "no answer: the connection was closed";
        }
        if (status >= 500) {
            return "5xx";
        }
        String response = exchange.response();
        if (response.contains("<html") || response.contains("Grizzly") || response.contains("Exception") || response.contains("\tat ")) {
            return "html or stack trace";
        }
        String body = exchange.body();
        if (!body.isEmpty() && !c.method().equals("HEAD")) {
            try {
                JsonNode json = JSON.readTree(body);
                if (status >= 400 && !json.at("/error/code").isTextual()) {
                    return "html or stack trace: a 4xx that is not a CloudError";
                }
            } catch (java.io.IOException e) {
                return "html or stack trace: a body that is not JSON";
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One generated request. */
    record Case(int index, String method, String description, byte[] bytes, boolean mayGoUnanswered) {
    }

    /** Makes cases from a valid request and one to three mutations of it. */
    private static final class Generator {
        private final Random random;
        private final String sub;
        private final ObjectNode create;
        private final String skipToken;

        Generator(Random random, String sub, ObjectNode create, String skipToken) {
            this.random = random;
            this.sub = sub;
            this.create = create;
            this.skipToken = skipToken;
        }

        Case next(int index) {
            String method = pick(List.of("GET", "PUT", "PATCH", "DELETE", "POST"));
            String cluster = FrontendHarness.cluster(sub, "rg", "fuzz-" + index);
            String path = switch (method) {
                case "GET" -> pick(List.of(cluster, "/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters",
                        "/providers/Microsoft.RedHatOpenShift/operations", "/subscriptions/" + sub
                                + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openShiftVersions",
                        "/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/" + UUID.randomUUID(),
                        "/admin/versions"));
                case "POST" -> cluster + "/listCredentials";
                default -> cluster;
            };
            String query = path.startsWith("/admin") ? "?api-version=admin" : V;
            ObjectNode json = method.equals("PATCH") ? JSON.createObjectNode().set("tags", JSON.createObjectNode().put("k", "v")) : create.deepCopy();
            String body = method.equals("PUT") || method.equals("PATCH") ? json.toString() : null;
            String contentType = "application/json";
            List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1"));
            List<String> applied = new ArrayList<>();
            boolean mayGoUnanswered = false;
            Integer contentLength = null;
            boolean chunked = false;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int kind = random.nextInt(22);
                applied.add("m" + kind);
                switch (kind) {
                    case 0 -> body = body == null ? "{" : body.substring(0, random.nextInt(body.length() + 1));
                    case 1 -> body = flip(body == null ? json.toString() : body);
                    case 2 -> body = nest(1 + random.nextInt(400));
                    case 3 -> body = "{\"location\":\"eastus\",\"tags\":{\"a\":\"" + "x".repeat((int) LIMITS.maxBodySize() + random.nextInt(1000))
                            + "\"}}";
                    case 4 -> body = retype(json).toString();
                    case 5 -> body = control(json).toString();
                    case 6 -> body = cidr(json).toString();
                    case 7 -> body = (body == null ? "{}" : body) + pick(List.of("garbage", "{}", "\u0000", "]", " x"));
                    case 8 -> path = path.replaceFirst("/[^/]+$", "/" + pick(HOSTILE_SEGMENTS));
                    case 9 -> path = path.replace("/rg/", "/" + pick(HOSTILE_SEGMENTS) + "/");
                    case 10 -> query = pick(List.of("", "?api-version=", "?api-version=2099-01-01", "?api-version=2023-11-22&api-version=2020-04-30",
                            "?api-version=%zz", "?api-version=2023-11-22&%24skipToken=" + token(), "?api-version=2023-11-22&$skipToken=" + token(),
                            "?api-version=2023-11-22&x=" + "y".repeat(5000), "?api-version=2023-11-22&%", "?api-version=2023-11-22#frag"));
                    case 11 -> contentType = pick(CONTENT_TYPES);
                    case 12 -> headers.add(pick(List.of("Accept: ;;;", "Accept: text/html", "Accept: garbage", "Accept-Language: ;;;",
                            "x-ms-client-request-id: " + "z".repeat(2000), "x-ms-correlation-request-id: \u0001", "Referer: javascript:alert(1)",
                            "Referer: http://evil.example.com/x", "x-ms-arm-resource-system-data: {", "x-ms-arm-resource-system-data: []",
                            "x-ms-home-tenant-id: ../../", "If-Match: *", "If-None-Match: garbage", "traceparent: 00-zz-zz-01", "Cookie: ;;;",
                            "X-Padding: " + "p".repeat(20000), "Transfer-Encoding: gzip")));
                    case 13 -> headers.set(0, pick(List.of("Host:", "Host: evil.example.com", "Host: a b", "Host: [::1", "Host: 127.0.0.1:99999",
                            "Host: \u00e9")));
                    case 14 -> method = pick(METHODS);
                    case 15 -> headers.addAll(List.of("Connection: Upgrade", "Upgrade: " + pick(List.of("h2c", "websocket", "TLS/1.2"))));
                    case 16 -> {
                        contentLength = body == null ? 5 : Math.max(0, body.getBytes(StandardCharsets.UTF_8).length + random.nextInt(21) - 10);
                        mayGoUnanswered = true; // a longer Content-Length stalls until the idle timeout closes the connection
                    }
                    case 17 -> chunked = true;
                    case 18 -> headers.add("Expect: 100-continue");
                    case 19 -> {
                        for (int h = 0; h < 150; h++) {
                            headers.add("X-Many-" + h + ": v");
                        }
                    }
                    case 20 -> body = new String(randomBytes(random.nextInt(200)), StandardCharsets.ISO_8859_1);
                    default -> body = pick(List.of("", "null", "[]", "\"string\"", "42", "{\"properties\":null}", "{\"location\":null}",
                            "{\"a\":1,\"a\":2}", "{\"tags\":{\"" + "k".repeat(600) + "\":\"v\"}}", "{\"name\":\"" + pick(HOSTILE_SEGMENTS) + "\"}"));
                }
            }
            if (method.equals("CONNECT") || method.equals("BREW") || method.equals("get") || method.equals("M-SEARCH") || method.equals("PROPFIND")) {
                mayGoUnanswered |= body != null; // an unknown method's body may be read as the next request
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            write(request, method + " " + path + query + " HTTP/1.1\r\n");
            for (String header : headers) {
                write(request, header + "\r\n");
            }
            write(request, "Connection: close\r\n");
            if (payload != null) {
                write(request, "Content-Type: " + contentType + "\r\n");
                if (chunked) {
                    write(request, "Transfer-Encoding: chunked\r\n\r\n");
                    write(request, Integer.toHexString(payload.length) + "\r\n");
                    request.writeBytes(payload);
                    write(request, "\r\n0\r\n\r\n");
                } else {
                    write(request, "Content-Length: " + (contentLength != null ? contentLength : payload.length) + "\r\n\r\n");
                    request.writeBytes(payload);
                }
            } else {
                write(request, "\r\n");
            }
            return new Case(index, method, String.join(",", applied) + " " + method + " " + abbreviate(path + query), request.toByteArray(),
                    mayGoUnanswered);
        }

        private String token() {
            return switch (random.nextInt(4)) {
                case 0 -> skipToken.substring(0, random.nextInt(skipToken.length()));
                case 1 -> flip(skipToken);
                case 2 -> "A".repeat(random.nextInt(60));
                default -> new String(randomBytes(random.nextInt(40)), StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9_-]", "-");
            };
        }

        private String nest(int depth) {
            return "{\"location\":\"eastus\",\"properties\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
        }

        /** The request with a random value replaced by one of another JSON type. */
        private JsonNode retype(ObjectNode json) {
            List<String> paths = List.of("/location", "/properties/clusterProfile/domain", "/properties/workerProfiles/0/count",
                    "/properties/masterProfile/vmSize", "/properties/networkProfile/podCidr", "/tags", "/properties", "/properties/workerProfiles");
            String path = pick(paths);
            int slash = path.lastIndexOf('/');
            JsonNode parent = json.at(path.substring(0, slash));
            JsonNode value = pick(List.of(JSON.getNodeFactory().numberNode(3.99), JSON.getNodeFactory().textNode("4"),
                    JSON.getNodeFactory().booleanNode(true), JSON.getNodeFactory().nullNode(), JSON.createArrayNode(), JSON.createObjectNode(),
                    JSON.getNodeFactory().numberNode(Long.MAX_VALUE), JSON.getNodeFactory().numberNode(-1)));
            if (parent instanceof ObjectNode object) {
                object.set(path.substring(slash + 1), value);
            } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array && array.size() > 0) {
                array.set(0, value);
            }
            return json;
        }

        private JsonNode control(ObjectNode json) {
            String value = "a" + (char) random.nextInt(32) + "b";
            ObjectNode target = pick(List.of(json, object(object(json, "properties"), "clusterProfile"), object(json, "tags")));
            target.put(pick(List.of("location", "domain", "version", "k")), value);
            return json;
        }

        private JsonNode cidr(ObjectNode json) {
            String cidr = random.nextBoolean() ? pick(CIDRS)
                    : random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "/" + random.nextInt(34);
            object(object(json, "properties"), "networkProfile").put(random.nextBoolean() ? "podCidr" : "serviceCidr", cidr);
            return json;
        }

        /** The object {@code name} of {@code parent}, made one if an earlier mutation put something else there. */
        private static ObjectNode object(ObjectNode parent, String name) {
            if (!(parent.get(name) instanceof ObjectNode)) {
                parent.set(name, JSON.createObjectNode());
            }
            return (ObjectNode) parent.get(name);
        }

        private String flip(String text) {
            char[] chars = text.toCharArray();
            if (chars.length > 0) {
                int at = random.nextInt(chars.length);
                chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
            }
            return new String(chars);
        }

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
