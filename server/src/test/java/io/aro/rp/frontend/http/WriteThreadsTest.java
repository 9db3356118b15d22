package io.aro.rp.frontend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.config.HttpLimits;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests that write wait for the database on threads of their own: a slow write holds none of the threads reads run on. */
class WriteThreadsTest {
    /** One thread for reads, two for writes: a write on the read thread would stall every read at once. */
    private static final HttpLimits LIMITS = new HttpLimits(4096, 1024, 64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10), 1, 2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
    private HttpServer server;
    private URI uri;

    /** Stands for Jersey: a PUT waits until released, as a write waits for its log to be forced; a GET answers at once. */
    private final HttpHandler slowWrites = new HttpHandler() {
        @Override
        public void service(Request request, Response response) throws Exception {
            if (request.getMethod().getMethodString().equals("PUT")) {
                writing.countDown();
                if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    response.setStatus(504);
                    return;
                }
            }
            response.setContentType("text/plain");
            response.getWriter().write(Thread.currentThread().getName());
        }
    };

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        uri = URI.create("http://127.0.0.1:" + port + "/");
        server = HttpEdge.create(uri, LIMITS, slowWrites, null);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.shutdownNow();
    }

    @Test
    void readsAreAnsweredWhileWritesWait() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("PUT");
        CompletableFuture<HttpResponse<String>> second = send("PUT");
        assertTrue(writing.await(WAIT.toSeconds(), TimeUnit.SECONDS), "both writes run at once, each on a write thread");

        HttpResponse<String> read = send("GET").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, read.statusCode());
        assertTrue(read.body().startsWith("frontend("), "a read runs on a worker thread: " + read.body());
        assertTrue(!first.isDone() && !second.isDone(), "the writes still wait");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> write : java.util.List.of(first, second)) {
            HttpResponse<String> written = write.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, written.statusCode());
            assertTrue(written.body().startsWith("frontend-write("), "a write runs on a write thread: " + written.body());
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String method) {
        return client.sendAsync(HttpRequest.newBuilder(uri.resolve("/x")).timeout(WAIT).method(method, method.equals("PUT")
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
