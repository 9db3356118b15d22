package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.config.HttpLimits;
import io.aro.rp.testing.Http.Reply;
import io.aro.rp.testing.RawHttp;
import io.aro.rp.testing.RawHttp.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What reaches the HTTP server before any route: requests that are not HTTP/1.1, that Jersey could not
 * turn into a URI, that ask for another protocol or are over a limit, and clients that stall. Each gets
 * a CloudError (or, when nothing parseable arrived, a closed connection) within the configured timeouts,
 * and none holds a thread that others need.
 */
class HttpEdgeTest {
    static final String SUB = UUID.randomUUID().toString();
    static final String CLUSTER = FrontendHarness.cluster(SUB, "rg", "c");
    /** Two worker threads, so that a thread held by a slow client would show at once; short timeouts, so that the test is quick. */
    static final HttpLimits LIMITS = new HttpLimits(4096, 1024, 64 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 2);
    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static FrontendHarness rp;

    @BeforeAll
    static void start() {
        rp = new FrontendHarness(dir, 10, LIMITS);
        rp.subscription(SUB, "Registered");
    }

    @AfterAll
    static void stop() {
        rp.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "spaces in the target      | GET /a b c HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                   | 400 | BadRequest",
        "HTTP/9.9                  | GET /healthz HTTP/9.9\\r\\nHost: a\\r\\n\\r\\n                                 | 400 | BadRequest",
        "HTTP/1.1 without Host     | GET /healthz HTTP/1.1\\r\\n\\r\\n                                              | 400 | BadRequest",
        "an empty Host             | GET /healthz HTTP/1.1\\r\\nHost:\\r\\n\\r\\n                                   | 400 | InvalidParameter",
        "a Host that is no host    | GET /healthz HTTP/1.1\\r\\nHost: a b/c\\r\\n\\r\\n                              | 400 | InvalidParameter",
        "CONNECT                   | CONNECT 127.0.0.1:443 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                        | 405 | MethodNotAllowed",
        "OPTIONS                   | OPTIONS / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                    | 405 | MethodNotAllowed",
        "TRACE                     | TRACE / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                      | 405 | MethodNotAllowed",
        "an invented method        | BREW /healthz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                | 405 | MethodNotAllowed",
        "a lone %                  | GET /subscriptions/% HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                         | 400 | InvalidResourceId",
        "%zz                       | GET /subscriptions/%zz?api-version=2.0 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n       | 400 | InvalidResourceId",
        "%2 at the end             | GET /subscriptions/x%2 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                       | 400 | InvalidResourceId",
        "%u0041                    | GET /subscriptions/%u0041 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                    | 400 | InvalidResourceId",
        "braces                    | GET /subscriptions/{sub}/resourceGroups HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n     | 400 | InvalidResourceId",
        "a bad escape in the query | GET /healthz?api-version=%zz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                 | 400 | InvalidParameter",
        "a body over the limit     | PUT /healthz HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 999999999\\r\\n\\r\\n    | 400 | InvalidResource",
    })
    void malformedRequestsGetACloudErrorAndAClosedConnection(String name, String request, int status, String code) throws IOException {
        Exchange exchange = RawHttp.exchange(rp.uri(), request.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(status, exchange.status(), exchange.response());
        assertCloudError(exchange, code);
        assertTrue(exchange.closed(), "the connection stays open: " + exchange.response());
    }

    @Test
    void anUpgradeWithAChunkedBodyIsRefusedAtOnce() throws IOException {
        Exchange exchange = RawHttp.exchange(rp.uri(), ("PUT " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\n"
                + "Upgrade: h2c\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(400, exchange.status(), exchange.response());
        assertEquals("Upgrade", assertCloudError(exchange, "InvalidParameter").at("/error/target").asText());
    }

    /** A body of Content-Length bytes follows the upgrade request's headers: it is read as the request's, and nothing after it. */
    @Test
    void anUpgradeWithABodyIsAnsweredInHttp11() throws IOException {
        String subscription = "/subscriptions/" + UUID.randomUUID() + "?api-version=2.0";
        String body = "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"t\"}}";
        Exchange exchange = RawHttp.exchange(rp.uri(), ("PUT " + subscription + " HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body + "GET /healthz HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(200, exchange.status(), exchange.response());
        assertEquals(1, exchange.response().split("HTTP/1.1 ", -1).length - 1, "what followed the body was not read: " + exchange.response());
        assertEquals("Registered", JSON.readTree(exchange.body()).path("state").asText(), exchange.response());
    }

    /** The JDK's HTTP client asks every plain-HTTP server for h2c: the upgrade is ignored, the answers are HTTP/1.1. */
    @Test
    void anUpgradeWithoutABodyIsAnsweredInHttp11() throws Exception {
        try (Socket socket = RawHttp.open(rp.uri())) {
            String upgrade = "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
            socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.ISO_8859_1));
            Exchange exchange = RawHttp.read(socket, WAIT, System.nanoTime());
            assertTrue(exchange.response().startsWith("HTTP/1.1 200 OK"), exchange.response());
            assertFalse(exchange.response().contains("Upgrade"), exchange.response());
            assertTrue(exchange.closed(), "Grizzly would read the connection's next bytes as the new protocol's: it is closed");
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> put = client.send(java.net.http.HttpRequest.newBuilder(rp.uri().resolve("/subscriptions/"
                + UUID.randomUUID() + "?api-version=2.0")).header("Content-Type", "application/json").timeout(WAIT)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"t\"}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        for (int i = 0; i < 3; i++) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(rp.uri().resolve("/healthz"))
                    .timeout(WAIT).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
        }
    }

    @Test
    void aUrlOverTheLimitIsRefused() throws IOException {
        Exchange exchange = RawHttp.exchange(rp.uri(), ("GET " + CLUSTER + "?api-version=2023-11-22&x=" + "a".repeat(LIMITS.maxUrlLength())
                + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(414, exchange.status(), exchange.response());
        assertCloudError(exchange, "RequestUriTooLong");
    }

    /** The answer goes out while the client still sends: closing at once would reset the connection and lose it. */
    @Test
    void aClientStillSendingABodyOverTheLimitGetsItsAnswer() {
        String body = "{\"tags\":{\"a\":\"" + "x".repeat((int) LIMITS.maxBodySize() * 4) + "\"}}";
        for (int i = 0; i < 20; i++) {
            Reply reply = rp.http.send("PUT", CLUSTER + "?api-version=2023-11-22", body, "application/json");
            assertEquals(400, reply.status(), reply.toString());
            assertEquals("InvalidResource", reply.code(), reply.toString());
        }
    }

    @Test
    void headersOverTheLimitAreRefused() throws IOException {
        Exchange exchange = RawHttp.exchange(rp.uri(), ("GET /healthz HTTP/1.1\r\nHost: a\r\nX-Padding: " + "a".repeat(LIMITS.maxHeaderSize())
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(400, exchange.status(), exchange.response());
        assertCloudError(exchange, "BadRequest");
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefused() throws IOException {
        StringBuilder request = new StringBuilder("PUT " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(8192);
        for (long sent = 0; sent <= LIMITS.maxBodySize(); sent += chunk.length()) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        Exchange exchange = RawHttp.exchange(rp.uri(), request.toString().getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertEquals(400, exchange.status(), exchange.response());
        assertCloudError(exchange, "InvalidResource");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @CsvSource(delimiter = '|', value = {"''", "garbage", ";;;", "application/json;charset=", "'application/json, text/plain'", "text/plain", "*/*",
        "application/*"})
    void aContentTypeThatIsNotJsonIsUnsupported(String contentType) {
        Reply reply = rp.http.send("PUT", CLUSTER + "?api-version=2023-11-22", "{}", contentType);
        assertEquals(415, reply.status(), reply.toString());
        assertEquals("UnsupportedMediaType", reply.code(), reply.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"Accept | ;;;", "Content-Type | ;;;", "Accept | text/html"})
    void aHeaderJerseyCannotUseGetsACloudError(String header, String value) throws IOException {
        Exchange exchange = RawHttp.exchange(rp.uri(), ("GET " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\n" + header + ": " + value
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), WAIT);
        assertTrue(exchange.status() >= 400 && exchange.status() < 500, exchange.response());
        assertNotNull(assertCloudError(exchange, null));
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBody() throws IOException {
        for (String framing : List.of("Content-Length: 2", "Transfer-Encoding: chunked")) {
            try (Socket socket = RawHttp.open(rp.uri())) {
                socket.getOutputStream().write(("PUT /subscriptions/" + UUID.randomUUID() + "?api-version=2.0 HTTP/1.1\r\nHost: a\r\n"
                        + "Content-Type: application/json\r\nExpect: 100-continue\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Exchange interim = RawHttp.read(socket, Duration.ofMillis(500), System.nanoTime());
                assertTrue(interim.response().startsWith("HTTP/1.1 100 Continue\r\n\r\n"), framing + ": " + interim.response());
                socket.getOutputStream().write((framing.startsWith("Content") ? "{}" : "2\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Exchange answer = RawHttp.read(socket, Duration.ofSeconds(2), System.nanoTime());
                assertEquals(400, answer.status(), answer.response());
            }
        }
    }

    @Test
    void unparseableOrIdleConnectionsAreClosedWithinTheIdleTimeout() throws IOException {
        for (String junk : List.of("GARBAGE\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003", "", "GET /healthz HTT")) {
            Exchange exchange = RawHttp.exchange(rp.uri(), junk.getBytes(StandardCharsets.ISO_8859_1), WAIT);
            assertTrue(exchange.closed(), "still open after " + WAIT + ": " + junk);
            assertTrue(exchange.took().compareTo(LIMITS.idleTimeout().plusSeconds(2)) < 0, junk + " took " + exchange.took());
            assertFalse(exchange.response().contains("<html"), exchange.response());
        }
    }

    @Test
    void aTricklingBodyIsRefusedAfterTheRequestTimeout() throws Exception {
        try (Socket socket = RawHttp.open(rp.uri())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            Exchange exchange = null;
            for (int i = 0; i < 20 && exchange == null; i++) {
                out.write(' '); // less than the idle timeout apart: only the request timeout can end it
                Thread.sleep(LIMITS.idleTimeout().toMillis() / 2);
                if (socket.getInputStream().available() > 0) {
                    exchange = RawHttp.read(socket, WAIT, start);
                }
            }
            assertNotNull(exchange, "no answer to a trickling body");
            assertEquals(408, exchange.status(), exchange.response());
            assertCloudError(exchange, "RequestTimeout");
        }
    }

    /** The frontend has two worker threads here: stalled bodies, upgrades and junk on 200 connections must hold none of them. */
    @Test
    void stalledClientsHoldNoThread() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = RawHttp.open(rp.uri());
                String request = switch (i % 3) {
                    case 0 -> "PUT " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
                    case 1 -> "PUT " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                    default -> "GET " + CLUSTER + "?api-version=2023-11-22 HTTP/1.1\r\nHost: a\r\nX-Slow: ";
                };
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                stalled.add(socket);
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Reply reply = rp.http.get(CLUSTER + "?api-version=2023-11-22");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(404, reply.status(), reply.toString());
                // Were a thread held, the GET would wait until the idle timeout closed the stalled connections.
                assertTrue(took.compareTo(LIMITS.idleTimeout().dividedBy(2)) < 0, "a GET took " + took + " behind stalled clients");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** Asserts a JSON CloudError body (with {@code code} unless null) and an x-ms-request-id; returns the body. */
    private static JsonNode assertCloudError(Exchange exchange, String code) throws IOException {
        assertEquals("application/json", exchange.header("Content-Type"), exchange.response());
        assertNotNull(exchange.header("x-ms-request-id"), exchange.response());
        JsonNode body = JSON.readTree(exchange.body());
        assertTrue(body.at("/error/message").isTextual(), exchange.response());
        if (code != null) {
            assertEquals(code, body.at("/error/code").asText(), exchange.response());
        }
        assertFalse(exchange.body().contains("Exception"), exchange.body());
        assertFalse(exchange.body().contains("Grizzly"), exchange.body());
        return body;
    }
}
