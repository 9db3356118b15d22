package io.aro.rp.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.config.HttpLimits;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.Http.Reply;
import io.aro.rp.testing.RawHttp;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of connections that stall (a body promised and not sent, an upgrade request, half a header
 * block) or trickle, against the frontend with its default limits, while a client GETs a cluster: the
 * GET answers in under 100 ms (full run; the smoke run only checks that it does not wait for the stalled
 * connections to be closed), and the stalled connections are closed by the idle timeout.
 */
class StarvationTest {
    private static final String V = "?api-version=2023-11-22";

    @TempDir
    Path dir;

    @Test
    void stalledAndTricklingConnectionsDoNotSlowAGet() throws Exception {
        FaultScale scale = FaultScale.current();
        HttpLimits limits = HttpLimits.DEFAULTS;
        try (FrontendHarness rp = new FrontendHarness(dir, 10, limits)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            String cluster = FrontendHarness.cluster(sub, "rg", "c");
            assertEquals(201, rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).status());
            for (int i = 0; i < 200; i++) {
                rp.http.get(cluster + V); // warm: the figure is about stalled clients, not the JIT
            }

            List<Socket> stalled = new ArrayList<>();
            List<Long> nanos = new ArrayList<>();
            try {
                for (int i = 0; i < scale.stalledConnections(); i++) {
                    Socket socket = RawHttp.open(rp.uri());
                    socket.getOutputStream().write(stall(i, cluster).getBytes(StandardCharsets.ISO_8859_1));
                    stalled.add(socket);
                }
                Thread.sleep(500); // every connection accepted and its bytes read: now they only wait
                long deadline = System.nanoTime() + limits.idleTimeout().dividedBy(2).toNanos();
                int round = 0;
                while (System.nanoTime() < deadline && round < 40) {
                    if (round % 4 == 0) {
                        for (int i = 2; i < stalled.size(); i += 4) {
                            stalled.get(i).getOutputStream().write(' '); // the trickling ones: a byte now and then
                        }
                    }
                    long start = System.nanoTime();
                    Reply reply = rp.http.get(cluster + V);
                    nanos.add(System.nanoTime() - start);
                    assertEquals(200, reply.status(), reply.toString());
                    round++;
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            long max = nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
            long median = nanos.stream().sorted().toList().get(nanos.size() / 2);
            FaultFigures.note("starvation", scale.stalledConnections() + " stalled, " + nanos.size() + " GETs, median "
                    + Duration.ofNanos(median).toMillis() + " ms, max " + Duration.ofNanos(max).toMillis() + " ms");
            Duration bound = scale == FaultScale.FULL ? Duration.ofMillis(100) : limits.idleTimeout().dividedBy(2);
            assertTrue(max < bound.toNanos(), "a GET took " + Duration.ofNanos(max).toMillis() + " ms behind " + scale.stalledConnections()
                    + " stalled connections (bound " + bound.toMillis() + " ms)");
        }
    }

    @Test
    void stalledConnectionsAreClosedByTheIdleTimeout() throws Exception {
        HttpLimits limits = new HttpLimits(16 * 1024, 4096, 1024 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 4);
        try (FrontendHarness rp = new FrontendHarness(dir, 10, limits)) {
            String cluster = FrontendHarness.cluster(UUID.randomUUID().toString(), "rg", "c");
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    Socket socket = RawHttp.open(rp.uri());
                    socket.getOutputStream().write(stall(i, cluster).getBytes(StandardCharsets.ISO_8859_1));
                    stalled.add(socket);
                }
                long start = System.nanoTime();
                for (Socket socket : stalled) {
                    RawHttp.Exchange exchange = RawHttp.read(socket, limits.requestTimeout().plusSeconds(3), start);
                    assertTrue(exchange.closed(), "a stalled connection stays open: " + exchange.response());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(limits.idleTimeout().plusSeconds(2)) < 0, "closing took " + took);
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    /** A request that stalls: a body promised and not sent, an upgrade with a chunked body, half a header block. */
    private static String stall(int i, String cluster) {
        return switch (i % 4) {
            case 0, 2 -> "PUT " + cluster + V + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
            case 1 -> "PATCH " + cluster + V + " HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n";
            default -> "GET " + cluster + V + " HTTP/1.1\r\nHost: a\r\nX-Half: ";
        };
    }
}
