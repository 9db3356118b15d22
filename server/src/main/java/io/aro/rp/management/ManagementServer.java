package io.aro.rp.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener, apart from the API's: Prometheus metrics ({@code /metrics}) and the probes
 * Kubernetes and load balancers ask, liveness ({@code /healthz/live}: the process answers) and
 * readiness ({@code /healthz/ready}: it serves, and reaches its database). Every role has one, so that
 * backend processes are scraped and probed like frontends.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on {@code listen} (port 0 picks a free one). */
    public static ManagementServer start(URI listen, PrometheusMeterRegistry metrics, BooleanSupplier ready) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(listen.getHost(), Math.max(listen.getPort(), 0)), 16);
            server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
            server.createContext("/healthz/live", exchange -> answer(exchange, 200, "application/json", "{}"));
            server.createContext("/healthz/ready", exchange -> {
                boolean isReady = ready.getAsBoolean();
                answer(exchange, isReady ? 200 : 503, "application/json", isReady ? "{}"
                        : "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The resource provider is stopping or cannot reach its database.\"}}");
            });
            // Scrapes and probes are few: two threads, whatever the API's load.
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "management");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            ManagementServer management = new ManagementServer(server, executor);
            LOG.atInfo().addKeyValue("uri", management.uri()).log("management listening");
            return management;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listen + " (ARO_MANAGEMENT_LISTEN)", e);
        }
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
